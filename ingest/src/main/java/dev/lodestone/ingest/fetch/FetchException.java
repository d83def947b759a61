package dev.lodestone.ingest.fetch;

import java.io.IOException;

/**
 * A fetch that gave no usable body. The message is one line that starts with the URL and says what went
 * wrong ({@code https://x/rss: HTTP 404}), ready for a log line or a feed's health record; the
 * {@link Reason} says the same coarsely enough to count failures per host.
 */
public class FetchException extends IOException {
    /** Why a fetch failed, in few enough kinds that each host's failures can be counted by kind. */
    public enum Reason {
        /** The server answered with a status other than 2xx (or 304 to a conditional request). */
        HTTP_STATUS,
        /** No answer within the request timeout, waiting for the host's turn included. */
        TIMEOUT,
        /** No connection: the host name does not resolve, or the connection was refused or broken. */
        UNREACHABLE,
        /** Not fetched at all: the address guard refused the host, or the URL is not http or https. */
        REFUSED,
        /** The site's robots.txt disallows the URL, or could not be read. */
        ROBOTS,
        /** The body exceeds the cap, before or after decompression. */
        TOO_LARGE,
        /** A body that could not be decoded: corrupt compression, or a content encoding not supported. */
        BAD_BODY,
        /** Too many redirects, or a redirect without a usable {@code Location}. */
        REDIRECT
    }

    private final int status;
    private final Reason reason;

    public FetchException(String message, int status, Reason reason) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    /** The HTTP status of the failing response, 0 when no response came. */
    public int status() {
        return status;
    }

    public Reason reason() {
        return reason;
    }
}
