package dev.lodestone.ingest.extract;

import java.net.URI;
import java.time.Instant;

/**
 * What a news page says about itself.
 *
 * @param title        the headline as the page declares it (JSON-LD, Dublin Core, Open Graph), else its
 *                     {@code <title>} without the site-name suffix; empty when the page has none
 * @param byline       who wrote it, names only ("A, B" for several authors), null when the page does not say
 * @param body         the article's text, paragraphs separated by a blank line; empty when none was found
 * @param publishedAt  null when the page gives no date
 * @param dateSource   where {@code publishedAt} came from: {@code json-ld}, {@code meta}, {@code time} or
 *                     {@code url}; null when {@code publishedAt} is
 * @param language     the primary language subtag ({@code en}), declared or guessed; null when unknown
 * @param canonicalUrl the URL the page names as its own, absolute; the page URL when it names none
 * @param modifiedAt   when the page says it was last changed, null when it does not
 * @param leadImage    the story's main picture, absolute; null when none
 * @param section      the newspaper section ({@code Business}), null when undeclared
 */
public record ExtractedArticle(
        String title,
        String byline,
        String body,
        Instant publishedAt,
        String dateSource,
        String language,
        URI canonicalUrl,
        Instant modifiedAt,
        URI leadImage,
        String section) {

    /** An article known only by the fields every page yields, as feeds and tests build them. */
    public ExtractedArticle(String title, String byline, String body, Instant publishedAt, String dateSource,
                            String language, URI canonicalUrl) {
        this(title, byline, body, publishedAt, dateSource, language, canonicalUrl, null, null, null);
    }
}
