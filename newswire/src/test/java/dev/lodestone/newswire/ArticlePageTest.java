package dev.lodestone.newswire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArticlePageTest {
    private static final URI BASE = URI.create("http://127.0.0.1:8099/");
    private final SampleArticles small = Fixtures.small();
    private final Outlet harbourTimes = small.outlet("harbour-times").orElseThrow();
    private final SampleArticle crane = small.articles().get(0);
    private final SampleArticle profits = small.articles().get(1);
    private final SampleArticle regatta = small.articles().get(3);

    @Test
    void htmlSpecialCharactersInTheTitleAreEscapedEverywhereItAppears() {
        String page = ArticlePage.render(harbourTimes, profits, List.of(profits), BASE);

        assertTrue(page.contains("<title>Profits &amp; &quot;losses&quot; at &lt;Acme&gt; Shipping | Harbour Times"
                + "</title>"), page);
        assertTrue(page.contains("<h1>Profits &amp; &quot;losses&quot; at &lt;Acme&gt; Shipping</h1>"), page);
        assertTrue(page.contains("<meta property=\"og:title\" content=\"Profits &amp; &quot;losses&quot; at "
                + "&lt;Acme&gt; Shipping\">"), page);
        assertFalse(page.contains("<Acme>"), page);
    }

    @Test
    void theHeadCarriesCanonicalOpenGraphAndAuthorMetadata() {
        String page = ArticlePage.render(harbourTimes, crane, List.of(crane), BASE);
        String url = "http://127.0.0.1:8099/harbour-times/2025/09/crane-arrives.html";

        assertTrue(page.contains("<link rel=\"canonical\" href=\"" + url + "\">"), page);
        assertTrue(page.contains("<meta property=\"og:url\" content=\"" + url + "\">"), page);
        assertTrue(page.contains("<meta property=\"og:site_name\" content=\"Harbour Times\">"), page);
        assertTrue(page.contains("<meta property=\"og:type\" content=\"article\">"), page);
        assertTrue(page.contains("<meta property=\"article:published_time\" content=\"2025-09-01T08:00:00Z\">"));
        assertTrue(page.contains("<meta name=\"author\" content=\"Ann Quay\">"), page);
        assertTrue(page.contains("<span class=\"byline\">By Ann Quay</span>"), page);
    }

    @Test
    void theJsonLdIsANewsArticleWithHeadlineDateAuthorAndPublisher() throws Exception {
        String page = ArticlePage.render(harbourTimes, profits, List.of(profits), BASE);
        Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>").matcher(page);
        assertTrue(ld.find(), page);

        JsonNode json = new ObjectMapper().readTree(ld.group(1));

        assertEquals("NewsArticle", json.get("@type").asText());
        assertEquals(profits.title(), json.get("headline").asText());
        assertEquals("2025-09-02T08:00:00Z", json.get("datePublished").asText());
        assertEquals("Ann Quay", json.at("/author/name").asText());
        assertEquals("Harbour Times", json.at("/publisher/name").asText());
    }

    @Test
    void readMoreAndMostReadLinkOtherArticlesOfTheOutletButNeverThePageItself() {
        String page = ArticlePage.render(harbourTimes, profits, List.of(regatta, profits, crane), BASE);

        assertTrue(page.contains("<strong>Read more:</strong> <a href=\"" + crane.path() + "\">"), page);
        assertTrue(page.contains("<li><a href=\"" + regatta.path() + "\">"), page);
        assertFalse(page.contains("href=\"" + profits.path() + "\""), page);
    }

    @Test
    void theFooterSaysTheOutletIsFictional() {
        String page = ArticlePage.render(harbourTimes, crane, List.of(crane), BASE);

        assertTrue(page.contains("<p class=\"sample-note\">Sample content written for Lodestone&#39;s demo — "
                + "a fictional outlet.</p>"), page);
    }

    @Test
    void aPageWeighsAsMuchAsARealNewsPageMostOfItScriptsStylesAndSiteFurniture() {
        String page = ArticlePage.render(harbourTimes, crane, List.of(regatta, profits, crane), BASE);
        int story = String.join("", crane.paragraphs()).length();

        assertTrue(page.length() > 50_000 && page.length() < 300_000, "page of " + page.length() + " characters");
        assertTrue(story * 20 < page.length(), "story of " + story + " characters in a page of " + page.length());
        assertTrue(page.contains("<script id=\"__APP_STATE__\" type=\"application/json\">"), "hydration state");
        assertTrue(page.contains("<style id=\"critical-css\">"), "inline styles");
    }

    @Test
    void anArticlesPageIsTheSameOnEveryRequest() {
        List<SampleArticle> outlet = List.of(regatta, profits, crane);

        assertEquals(ArticlePage.render(harbourTimes, crane, outlet, BASE), ArticlePage.render(harbourTimes, crane, outlet, BASE));
    }

    @Test
    void outletsWithDifferentTemplatesUseDifferentMarkupAroundTheStory() {
        Outlet asWire = new Outlet(harbourTimes.id(), harbourTimes.name(), harbourTimes.tagline(),
                harbourTimes.feed(), PageTemplate.WIRE, harbourTimes.sections());

        String broadsheet = ArticlePage.render(harbourTimes, crane, List.of(regatta, crane), BASE);
        String wire = ArticlePage.render(asWire, crane, List.of(regatta, crane), BASE);

        assertNotEquals(articleClass(broadsheet), articleClass(wire));
        assertTrue(wire.indexOf("class=\"most-read\"") < wire.indexOf("<article"), "wire pages put the aside first");
        assertTrue(broadsheet.indexOf("class=\"most-read\"") > broadsheet.indexOf("<article"));
    }

    private static String articleClass(String page) {
        Matcher m = Pattern.compile("<article class=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }
}
