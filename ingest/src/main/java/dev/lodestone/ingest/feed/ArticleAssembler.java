package dev.lodestone.ingest.feed;

import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.ingest.extract.ExtractedArticle;
import dev.lodestone.ingest.url.UrlCanonicalizer;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * Merges what the page says with what the feed said about it into an {@link Article}. The page wins where
 * it speaks; the feed item fills the gaps, and stands in alone when the page could not be read, so an item
 * is never lost to a fetch failure.
 */
final class ArticleAssembler {
    private ArticleAssembler() {}

    /**
     * @param link     the item's canonical link
     * @param page     what the page says, or null when it could not be fetched or read
     * @param revision see {@link SeenArticles#revise}
     */
    static Article assemble(URI feedUrl, String link, FeedItem item, ExtractedArticle page, Instant fetchedAt,
                            int revision) {
        String url = page == null ? link : articleUrl(link, page.canonicalUrl());
        String title = firstNonBlank(page == null ? null : page.title(), item.title(), url);
        String body = firstNonBlank(page == null ? null : page.body(), item.summary(), "");
        String byline = firstNonBlank(page == null ? null : page.byline(), item.author(), null);
        Instant publishedAt;
        String dateSource;
        if (page != null && page.publishedAt() != null) {
            publishedAt = page.publishedAt();
            dateSource = page.dateSource();
        } else if (item.publishedAt() != null) {
            publishedAt = item.publishedAt();
            dateSource = "feed";
        } else {
            publishedAt = fetchedAt;
            dateSource = "first-seen";
        }
        return new Article(Article.SCHEMA, ArticleId.of(url), url, feedUrl.toString(), source(url), title, byline,
                body, publishedAt, dateSource, fetchedAt, page == null ? null : page.language(), revision,
                ArticleId.sha256Hex(body), page == null ? null : page.modifiedAt(),
                page == null || page.leadImage() == null ? null : page.leadImage().toString(),
                page == null ? null : page.section());
    }

    /**
     * The page's own canonical URL, unless it is unusable or points at a site's home page: a common
     * misconfiguration that would otherwise merge every article of the site into one.
     */
    static String articleUrl(String link, URI pageCanonical) {
        String canonical;
        try {
            canonical = UrlCanonicalizer.canonicalize(pageCanonical);
        } catch (IllegalArgumentException unusable) {
            return link;
        }
        String path = URI.create(canonical).getRawPath();
        return path.equals("/") && !URI.create(link).getRawPath().equals("/") ? link : canonical;
    }

    private static String source(String url) {
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String firstNonBlank(String first, String second, String otherwise) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : otherwise;
    }
}
