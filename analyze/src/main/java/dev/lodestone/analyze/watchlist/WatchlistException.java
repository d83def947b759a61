package dev.lodestone.analyze.watchlist;

/** A watch-list file that cannot be used; the message names the file and, where known, the line. */
public class WatchlistException extends RuntimeException {
    public WatchlistException(String message) {
        super(message);
    }

    public WatchlistException(String message, Throwable cause) {
        super(message, cause);
    }
}
