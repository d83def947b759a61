package dev.lodestone.ingest.fetch;

import java.time.Duration;

/**
 * A failure that may well not happen again in a moment (no connection, a connect timeout, HTTP 429, 502,
 * 503 or 504), so {@link HttpFetcher} tries again within its {@link Politeness} bounds.
 */
final class TransientFetchException extends FetchException {
    private final Duration retryAfter;

    /** @param retryAfter how long the server asked to wait ({@code Retry-After}), null when it did not say */
    TransientFetchException(String message, int status, Reason reason, Duration retryAfter) {
        super(message, status, reason);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
