package dev.lodestone.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The spellings of publication dates found in pages, and which of a page's dates is the story's. */
class PublishedDatesTest {
    private static final URI PAGE = URI.create("https://www.frontierherald.example/news/1");

    private static Optional<Instant> parse(String text) {
        return PublishedDates.parse(text);
    }

    private static ExtractedArticle extract(String head, String body) {
        return ArticleExtractor.extract("<html><head>" + head + "</head><body>" + body + "</body></html>", PAGE);
    }

    @Test
    void anOffsetWithoutAColonIsRead() {
        assertEquals(Optional.of(Instant.parse("2021-11-01T09:52:50Z")), parse("2021-11-01T10:52:50+0100"));
    }

    @Test
    void aSpaceForTheTAndFractionsOfASecondAreRead() {
        assertEquals(Optional.of(Instant.parse("2020-11-11T18:00:00Z")), parse("2020-11-11 12:00:00.000-0600"));
    }

    @Test
    void anOffsetOfWholeHoursIsRead() {
        assertEquals(Optional.of(Instant.parse("2025-09-08T11:00:00Z")), parse("2025-09-08T16:00+05"));
    }

    @Test
    void aNamedUtcZoneIsRead() {
        assertEquals(Optional.of(Instant.parse("2025-10-04T04:30:00Z")), parse("2025-10-04 04:30:00 UTC"));
    }

    @Test
    void aBareDayIsMidnightUtc() {
        assertEquals(Optional.of(Instant.parse("2024-06-25T00:00:00Z")), parse("2024-06-25"));
    }

    @Test
    void anRfc1123DateIsRead() {
        assertEquals(Optional.of(Instant.parse("2025-10-04T04:30:00Z")), parse("Sat, 4 Oct 2025 04:30:00 GMT"));
    }

    @Test
    void anImpossibleDayIsNoDate() {
        assertEquals(Optional.empty(), parse("2025-02-30"));
    }

    @Test
    void aTemplatePlaceholderIsNoDate() {
        assertEquals(Optional.empty(), parse("0001-01-01T00:00:00Z"));
        assertEquals(Optional.empty(), parse("1970-01-01T00:00:00Z"));
    }

    @Test
    void theJsonLdPublicationDateOutranksARepublishedOpenGraphDate() {
        ExtractedArticle article = extract("""
                <meta property="article:published_time" content="2025-12-11T14:28:34Z">
                <script type="application/ld+json"><![CDATA[{"@context": "http://schema.org", "@type": "NewsArticle",
                "datePublished": "2025-10-15T02:19:15.607Z"}]]></script>""", "<p>Text.</p>");
        assertEquals(Instant.parse("2025-10-15T02:19:15Z"), article.publishedAt());
        assertEquals("json-ld", article.dateSource());
    }

    @Test
    void theArticlesJsonLdDateOutranksAnotherNodes() {
        assertEquals(Instant.parse("2025-10-04T00:00:00Z"), extract("""
                <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
                {"@type": "WebPage", "datePublished": "2019-01-01"},
                {"@type": "NewsArticle", "datePublished": "2025-10-04"}]}</script>""", "<p>Text.</p>").publishedAt());
    }

    @Test
    void aTimeMarkedAsThePublicationTimeOutranksAnEarlierTime() {
        assertEquals(Instant.parse("2025-10-04T00:00:00Z"), extract("", """
                <aside><time datetime="2025-09-30">Most read this week</time></aside>
                <article><time datetime="2025-10-04" itemprop="datePublished">4 October</time><p>Text.</p></article>""")
                .publishedAt());
    }
}
