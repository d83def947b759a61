package dev.lodestone.ingest.feed;

/** The bytes are not a feed ingest can read; the message is one line that starts with the feed URL. */
public class FeedParseException extends Exception {
    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
