package dev.lodestone.ingest.extract;

import static dev.lodestone.ingest.LoopbackServer.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
    private static final URI PAGE = URI.create("https://www.frontierherald.example/2025/10/04/shipment?utm_source=x");
    private static final ExtractedArticle ARTICLE = ArticleExtractor.extract(resource("extract/article.html"), PAGE);

    private static ExtractedArticle extract(String html) {
        return ArticleExtractor.extract(html, PAGE);
    }

    @Test
    void theBodyIsTheArticleParagraphsSeparatedByBlankLines() {
        assertEquals("""
                Pakistan has sent its first consignment of antimony, copper concentrate and rare earth elements \
                to the United States under the deal signed last month.

                The Frontier Works Organisation signed the $500 million memorandum of understanding with \
                Missouri-based US Strategic Metals on 8 September.

                Rare earths on board

                Officials said the shipment included neodymium and praseodymium, used in permanent magnets.""",
                ARTICLE.body());
    }

    @Test
    void theBodyHasNoneOfThePageClutter() {
        for (String clutter : List.of("Politics", "ADVERTISEMENT", "Share on", "Containers at Karachi",
                "newsletter", "Read more", "Reko Diq", "Commenter", "Most read", "All rights reserved",
                "trackPageView", "By Amina Qureshi")) {
            assertFalse(ARTICLE.body().contains(clutter), () -> "body contains '" + clutter + "'");
        }
    }

    @Test
    void theTitleIsTheJsonLdHeadlineRatherThanTheSuffixedOpenGraphTitle() {
        assertEquals("Pakistan ships first critical minerals to US", ARTICLE.title());
    }

    @Test
    void theBylineComesFromTheAuthorMeta() {
        assertEquals("Amina Qureshi", ARTICLE.byline());
    }

    @Test
    void theDateComesFromJsonLdFirst() {
        assertEquals(Instant.parse("2025-10-04T04:30:00Z"), ARTICLE.publishedAt());
        assertEquals("json-ld", ARTICLE.dateSource());
    }

    @Test
    void theLanguageIsThePrimarySubtagOfHtmlLang() {
        assertEquals("en", ARTICLE.language());
    }

    @Test
    void theCanonicalUrlIsResolvedAgainstThePage() {
        assertEquals(URI.create("https://www.frontierherald.example/2025/10/04/pakistan-ships-first-critical-minerals"),
                ARTICLE.canonicalUrl());
    }

    @Test
    void withoutJsonLdTheDateComesFromArticlePublishedTime() {
        ExtractedArticle article = extract("""
                <html><head><meta property="article:published_time" content="2025-09-08T16:00:00+0500"></head>
                <body><article><p>Text.</p><time datetime="2025-09-09">9 Sep</time></article></body></html>""");
        assertEquals(Instant.parse("2025-09-08T11:00:00Z"), article.publishedAt());
        assertEquals("meta", article.dateSource());
    }

    @Test
    void withoutMetadataTheDateComesFromATimeElement() {
        ExtractedArticle article = extract("""
                <html><body><article><time datetime="2025-10-02">2 October</time><p>Text.</p></article></body></html>""");
        assertEquals(Instant.parse("2025-10-02T00:00:00Z"), article.publishedAt());
        assertEquals("time", article.dateSource());
    }

    @Test
    void aPageWithoutADateHasNone() {
        ExtractedArticle article = ArticleExtractor.extract("<html><body><p>Undated text.</p></body></html>",
                URI.create("https://www.frontierherald.example/shipment"));
        assertNull(article.publishedAt());
        assertNull(article.dateSource());
    }

    @Test
    void withoutAnArticleElementTheBodyIsTheBlockWithMostParagraphText() {
        ExtractedArticle article = extract("""
                <html><body>
                  <div class="teaser"><p>Short teaser.</p></div>
                  <div class="content"><p>First paragraph of the story about Reko Diq.</p>
                    <p>Second paragraph of the story about Reko Diq.</p></div>
                  <div class="comments"><p>A long comment that goes on and on and on about many things at once.</p>
                    <p>Another long comment that goes on and on and on about many other things.</p>
                    <p>A third comment making the section the largest block of text on the page.</p></div>
                </body></html>""");
        assertEquals("First paragraph of the story about Reko Diq.\n\nSecond paragraph of the story about Reko Diq.",
                article.body());
    }

    @Test
    void withoutDeclaredTitlesTheTitleElementLosesItsSiteSuffix() {
        assertEquals("Reko Diq copper output doubles this year", extract("""
                <html><head><title>Reko Diq copper output doubles this year | Frontier Herald</title></head>
                <body><h1>Heading</h1></body></html>""").title());
    }

    @Test
    void withoutAnyTitleTheFirstHeadingIsTheTitle() {
        assertEquals("Heading", extract("<html><body><h1>Heading</h1></body></html>").title());
    }

    @Test
    void theModifiedTimeLeadImageAndSectionComeFromOpenGraph() {
        ExtractedArticle article = extract("""
                <html><head><meta property="article:modified_time" content="2025-10-05T08:00:00Z">
                <meta property="og:image" content="/img/ship.jpg"><meta property="article:section" content="Business">
                </head><body><p>Text.</p></body></html>""");
        assertEquals(Instant.parse("2025-10-05T08:00:00Z"), article.modifiedAt());
        assertEquals(URI.create("https://www.frontierherald.example/img/ship.jpg"), article.leadImage());
        assertEquals("Business", article.section());
    }

    @Test
    void aDateInTheUrlPathIsTheLastResort() {
        ExtractedArticle article = extract("<html><body><p>Undated text.</p></body></html>");
        assertEquals(Instant.parse("2025-10-04T00:00:00Z"), article.publishedAt());
        assertEquals("url", article.dateSource());
    }

    @Test
    void severalJsonLdAuthorsMakeOneByline() {
        assertEquals("Amina Qureshi, Sheikh Waqqas Akram", extract("""
                <html><head><script type="application/ld+json">{"@type": "NewsArticle", "author": [
                {"@type": "Person", "name": "Amina Qureshi"}, {"@type": "Person", "name": "Sheikh Waqqas Akram"}]}
                </script></head><body><p>Text.</p></body></html>""").byline());
    }

    @Test
    void anUndeclaredLanguageIsGuessedFromTheText() {
        assertEquals("fr", extract("""
                <html><body><p>Le Pakistan a envoyé les premiers minerais aux États-Unis dans le cadre de
                l'accord signé le mois dernier, et les responsables disent que la route par Pasni est à l'étude.</p>
                </body></html>""").language());
    }

    @Test
    void aBylineElementLosesItsLeadingBy() {
        assertEquals("Sheikh Waqqas Akram",
                extract("<html><body><article><p class=\"byline\">By Sheikh Waqqas Akram</p><p>Text.</p></article></body></html>").byline());
    }

    @Test
    void withoutACanonicalLinkTheOpenGraphUrlIsUsedThenThePageUrl() {
        assertEquals(URI.create("https://www.frontierherald.example/og"),
                extract("<html><head><meta property=\"og:url\" content=\"/og\"></head><body></body></html>").canonicalUrl());
        assertEquals(PAGE, extract("<html><body></body></html>").canonicalUrl());
    }

    @Test
    void theCharsetDeclaredInTheMetaTagIsUsedWhenTheServerGivesNone() {
        byte[] latin1 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 talks in Quetta.</p></body></html>"
                .getBytes(Charset.forName("ISO-8859-1"));
        assertEquals("Café talks in Quetta.", ArticleExtractor.extract(latin1, null, PAGE).body());
    }
}
