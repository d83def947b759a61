package dev.lodestone.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.ingest.extract.ExtractedArticle;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArticleAssemblerTest {
    private static final URI FEED = URI.create("https://www.dawn.com/feeds/business");
    private static final String LINK = "https://www.dawn.com/news/1940001";
    private static final Instant FETCHED = Instant.parse("2025-09-08T12:00:00Z");
    private static final Instant FEED_DATE = Instant.parse("2025-09-08T09:30:00Z");
    private static final FeedItem ITEM = new FeedItem(URI.create(LINK), null, "Feed title", "Feed summary.", "Feed Author", FEED_DATE);

    private static ExtractedArticle page(String title, String byline, String body, Instant date, String dateSource, URI canonical) {
        return new ExtractedArticle(title, byline, body, date, dateSource, "en", canonical);
    }

    @Test
    void thePageWinsWhereItSpeaks() {
        Instant pageDate = Instant.parse("2025-09-08T09:00:00Z");
        Article article = ArticleAssembler.assemble(FEED, LINK, ITEM,
                page("Page title", "Page Author", "Page body.", pageDate, "json-ld", URI.create(LINK)), FETCHED, 1);

        assertEquals("Page title", article.title());
        assertEquals("Page Author", article.byline());
        assertEquals("Page body.", article.body());
        assertEquals(pageDate, article.publishedAt());
        assertEquals("json-ld", article.dateSource());
        assertEquals("en", article.language());
    }

    @Test
    void thePagesModificationTimeLeadImageAndSectionAreKept() {
        Instant modified = Instant.parse("2025-09-09T08:00:00Z");
        ExtractedArticle page = new ExtractedArticle("Page title", null, "Page body.", null, null, "en", URI.create(LINK),
                modified, URI.create("https://i.dawn.com/large/fwo.jpg"), "Business");

        Article article = ArticleAssembler.assemble(FEED, LINK, ITEM, page, FETCHED, 1);

        assertEquals(modified, article.modifiedAt());
        assertEquals("https://i.dawn.com/large/fwo.jpg", article.imageUrl());
        assertEquals("Business", article.section());
    }

    @Test
    void theFeedItemFillsWhatThePageLacks() {
        Article article = ArticleAssembler.assemble(FEED, LINK, ITEM,
                page("", null, "Page body.", null, null, URI.create(LINK)), FETCHED, 1);

        assertEquals("Feed title", article.title());
        assertEquals("Feed Author", article.byline());
        assertEquals(FEED_DATE, article.publishedAt());
        assertEquals("feed", article.dateSource());
    }

    @Test
    void withoutAPageTheFeedItemStandsIn() {
        Article article = ArticleAssembler.assemble(FEED, LINK, ITEM, null, FETCHED, 1);

        assertEquals(LINK, article.url());
        assertEquals(ArticleId.of(LINK), article.id());
        assertEquals("Feed title", article.title());
        assertEquals("Feed summary.", article.body());
        assertEquals(ArticleId.sha256Hex("Feed summary."), article.contentHash());
        assertNull(article.language());
    }

    @Test
    void withoutAnyDateTheArticleIsDatedWhenFirstSeen() {
        FeedItem undated = new FeedItem(URI.create(LINK), null, "Title", "", null, null);
        Article article = ArticleAssembler.assemble(FEED, LINK, undated, null, FETCHED, 1);

        assertEquals(FETCHED, article.publishedAt());
        assertEquals("first-seen", article.dateSource());
    }

    @Test
    void theArticleLivesAtThePagesCanonicalUrlAndItsSourceIsTheHostWithoutWww() {
        Article article = ArticleAssembler.assemble(FEED, LINK, ITEM,
                page("T", null, "B", null, null, URI.create("https://WWW.dawn.com/news/1940001/fwo-mou?utm_source=x")), FETCHED, 1);

        assertEquals("https://www.dawn.com/news/1940001/fwo-mou", article.url());
        assertEquals(ArticleId.of("https://www.dawn.com/news/1940001/fwo-mou"), article.id());
        assertEquals("dawn.com", article.source());
        assertEquals(FEED.toString(), article.feedUrl());
    }

    @Test
    void aCanonicalUrlPointingAtTheHomePageIsIgnored() {
        Article article = ArticleAssembler.assemble(FEED, LINK, ITEM,
                page("T", null, "B", null, null, URI.create("https://www.dawn.com/")), FETCHED, 1);

        assertEquals(LINK, article.url());
    }
}
