package dev.lodestone.newswire;

/**
 * The syndication format an outlet publishes. The demo serves both so that a feed reader is exercised on each,
 * as it would be on the real press.
 */
public enum FeedFormat {
    RSS("rss.xml", "application/rss+xml; charset=utf-8"),
    ATOM("atom.xml", "application/atom+xml; charset=utf-8");

    private final String fileName;
    private final String contentType;

    FeedFormat(String fileName, String contentType) {
        this.fileName = fileName;
        this.contentType = contentType;
    }

    /** The last path segment of the feed's URL, e.g. {@code rss.xml}. */
    public String fileName() {
        return fileName;
    }

    /** The {@code Content-Type} header the feed is served with. */
    public String contentType() {
        return contentType;
    }
}
