package dev.lodestone.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.ingest.LoopbackServer;
import java.net.URI;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class SectionLinksTest {
    private static final URI SECTION = URI.create("https://www.dawn.com/business/");

    private static List<FeedItem> articles() {
        return SectionLinks.articles(Jsoup.parse(LoopbackServer.resource("section/business.html"), SECTION.toString()), SECTION);
    }

    @Test
    void articleLinksAreFoundByIdDateOrSlugInPageOrderWithTheirText() {
        assertEquals(List.of(
                new FeedItem(URI.create("https://www.dawn.com/news/1943210"), null, "FWO and USSM sign $500m minerals MoU", "", null, null),
                new FeedItem(URI.create("https://www.dawn.com/2025/10/03/first-shipment?utm_source=section"), null,
                        "First minerals shipment leaves Karachi", "", null, null),
                new FeedItem(URI.create("https://epaper.dawn.com/stories/pasni-port-proposal-draws-china-concern"), null,
                        "Pasni port proposal draws China concern", "", null, null)),
                articles());
    }

    @Test
    void linksInNavigationAndFooterAreNotArticles() {
        assertTrue(articles().stream().noneMatch(item -> item.url().getPath().startsWith("/news/194")
                && !item.url().getPath().equals("/news/1943210")));
    }

    @Test
    void listingAndUtilityPathsAreNotArticles() {
        assertFalse(SectionLinks.looksLikeArticle("/tags/rare-earths-and-critical-minerals-policy"));
        assertFalse(SectionLinks.looksLikeArticle("/authors/2834/khurram-husain"));
        assertFalse(SectionLinks.looksLikeArticle("/category/economy"));
        assertFalse(SectionLinks.looksLikeArticle("/videos/rare-earths-explained-in-two-minutes-flat"));
        assertFalse(SectionLinks.looksLikeArticle("/login"));
        assertFalse(SectionLinks.looksLikeArticle("/2025/10/03/"));
        assertFalse(SectionLinks.looksLikeArticle("/images/reko-diq-mine-aerial-view-photo.jpg"));
        assertFalse(SectionLinks.looksLikeArticle("/business"));
    }

    @Test
    void articlePathsOfTheCommonContentSystemsAreArticles() {
        assertTrue(SectionLinks.looksLikeArticle("/2025/10/03/first-shipment"));
        assertTrue(SectionLinks.looksLikeArticle("/2025-10-03/first-shipment"));
        assertTrue(SectionLinks.looksLikeArticle("/world/asia/pakistan-us-minerals-deal-explained.html"));
        assertTrue(SectionLinks.looksLikeArticle("/news/1943210"));
        assertTrue(SectionLinks.looksLikeArticle("/story/123456/short"));
    }

    @Test
    void linksToOtherSitesAreNotArticlesOfThisSection() {
        assertTrue(articles().stream().allMatch(item -> item.url().getHost().endsWith("dawn.com")));
    }
}
