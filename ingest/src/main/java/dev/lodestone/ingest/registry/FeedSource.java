package dev.lodestone.ingest.registry;

import dev.lodestone.core.FeedState;
import java.net.URI;
import java.net.URISyntaxException;
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

        /** The name of the type in a {@link FeedState}: {@code feed}, {@code sitemap} or {@code section}. */
        public String stateName() {
            return name().toLowerCase(Locale.ROOT);
        }

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

    /**
     * The source a feed registry entry describes: its URL and type (a feed when the entry names none, as
     * entries written before types existed do) and its title.
     *
     * @throws IllegalArgumentException when the entry's URL cannot be fetched or its type is unknown
     */
    public static FeedSource of(FeedState state) {
        URI url;
        try {
            url = new URI(state.url() == null ? "" : state.url());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + state.url(), e);
        }
        requireFetchable(url);
        Type type;
        try {
            type = state.type() == null ? Type.FEED : Type.valueOf(state.type().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown source type '" + state.type() + "' for " + url
                    + ": expected feed, sitemap or section", e);
        }
        return new FeedSource(url, state.title(), null, "", type);
    }

    /**
     * Checks that ingest can fetch the URL: http or https, with a host.
     *
     * @throws IllegalArgumentException naming the URL when it cannot
     */
    public static void requireFetchable(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    "unsupported feed URL scheme '" + scheme + "' in " + url + ": only http and https");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("feed URL " + url + " has no host");
        }
    }

    /** This source's feed registry entry before its first poll: known, never tried, due at once. */
    public FeedState unpolled() {
        return new FeedState(FeedState.SCHEMA, url.toString(), type.stateName(), title, null, null, null, 0, 0, 0, 0, null);
    }
}
