package dev.lodestone.ingest.fetch;

import java.io.IOException;

/**
 * A fetch that gave no usable body. The message is one line that starts with the URL and says what went
 * wrong ({@code https://x/rss: HTTP 404}), ready for a log line or a feed's health record.
 */
public class FetchException extends IOException {
    private final int status;

    public FetchException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the failing response, 0 when no response came. */
    public int status() {
        return status;
    }
}
