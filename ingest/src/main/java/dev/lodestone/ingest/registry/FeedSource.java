package dev.lodestone.ingest.registry;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One place ingest watches for new articles, as a user lists it in an OPML file.
 *
 * @param url      what is fetched: the feed, the sitemap or the section page
 * @param title    the outlet's name for it, empty when unnamed
 * @param htmlUrl  the site's own page for it, null when unknown
 * @param category the folder it is filed under (e.g. {@code Pakistan}), empty when none
 * @param type     how new articles are found at {@code url}
 */
public record FeedSource(URI url, String title, URI htmlUrl, String category, Type type) {
    /** How a source lists its articles. */
    public enum Type {
        /** RSS, Atom or JSON Feed. */
        FEED,
        /** A sitemap or news sitemap, for sites without a feed. */
        SITEMAP,
        /** A section page whose article links are discovered on each visit. */
        SECTION;

        /** The name used in OPML's {@code type} attribute. */
        public String opmlName() {
            return this == FEED ? "rss" : name().toLowerCase(Locale.ROOT);
        }
    }

    public FeedSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
        title = title == null ? "" : title;
        category = category == null ? "" : category;
    }

    public static FeedSource feed(URI url) {
        return new FeedSource(url, "", null, "", Type.FEED);
    }
}
