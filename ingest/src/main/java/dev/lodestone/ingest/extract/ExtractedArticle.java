package dev.lodestone.ingest.extract;

import java.net.URI;
import java.time.Instant;

/**
 * What a news page says about itself.
 *
 * @param title        the headline without the site-name suffix, empty when the page has none
 * @param byline       who wrote it, null when the page does not say
 * @param body         the article's text, paragraphs separated by a blank line; empty when none was found
 * @param publishedAt  null when the page gives no date
 * @param dateSource   {@code json-ld}, {@code meta} or {@code time}; null when {@code publishedAt} is
 * @param language     the primary language subtag ({@code en}), null when undeclared
 * @param canonicalUrl the URL the page names as its own, absolute; the page URL when it names none
 */
public record ExtractedArticle(
        String title,
        String byline,
        String body,
        Instant publishedAt,
        String dateSource,
        String language,
        URI canonicalUrl) {}
