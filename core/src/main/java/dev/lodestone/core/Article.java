package dev.lodestone.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One fetched and extracted news article, as ingest publishes it on {@link Topics#ARTICLES}.
 *
 * @param id          {@link ArticleId#of} the canonical URL; the record key
 * @param url         the canonical URL
 * @param feedUrl     the feed or page the article was discovered through
 * @param source      the outlet, as the host name without {@code www.} (e.g. {@code dawn.com})
 * @param publishedAt when the outlet says it was published; null when nobody says
 * @param dateSource  where {@code publishedAt} came from: {@code json-ld}, {@code meta}, {@code time},
 *                    {@code feed}, {@code url} or {@code first-seen}
 * @param revision    1 for the first body seen at this URL, incremented each time the body changes
 * @param contentHash SHA-256 of the body text, so later stages tell an edit from a re-fetch
 * @param modifiedAt  when the outlet says it last changed the article; null when it does not say
 * @param imageUrl    the lead image; null when there is none
 * @param section     the outlet's section (e.g. {@code Business}); null when unknown
 */
public record Article(
        int schema,
        String id,
        String url,
        String feedUrl,
        String source,
        String title,
        String byline,
        String body,
        Instant publishedAt,
        String dateSource,
        Instant fetchedAt,
        String language,
        int revision,
        String contentHash,
        Instant modifiedAt,
        String imageUrl,
        String section) {

    public static final int SCHEMA = 1;

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }

    /** This article with another title and body, everything else kept. */
    public Article withText(String newTitle, String newBody) {
        return new Article(schema, id, url, feedUrl, source, newTitle, byline, newBody, publishedAt, dateSource,
                fetchedAt, language, revision, contentHash, modifiedAt, imageUrl, section);
    }

    /** An article whose page told nothing of its modification, lead image or section. */
    public Article(int schema, String id, String url, String feedUrl, String source, String title, String byline,
                   String body, Instant publishedAt, String dateSource, Instant fetchedAt, String language, int revision,
                   String contentHash) {
        this(schema, id, url, feedUrl, source, title, byline, body, publishedAt, dateSource, fetchedAt, language, revision,
                contentHash, null, null, null);
    }
}
