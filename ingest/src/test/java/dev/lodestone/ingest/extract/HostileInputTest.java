package dev.lodestone.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the web sends, extraction returns promptly: no stack overflow, no quadratic blow-up. */
class HostileInputTest {
    private static final URI PAGE = URI.create("https://hostile.example/page");
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    private static ExtractedArticle extract(String html) {
        return assertTimeoutPreemptively(QUICKLY, () -> ArticleExtractor.extract(html, PAGE));
    }

    @Test
    void aHundredThousandNestedElementsAreRead() {
        String html = "<div>".repeat(100_000) + "<p>Deep story about Reko Diq, copper and gold.</p>" + "</div>".repeat(100_000);
        assertTrue(extract(html).body().contains("Deep story about Reko Diq"));
    }

    @Test
    void twentyMegabytesOfTextAreRead() {
        String paragraph = "<p>" + "Antimony and rare earths, shipped from Karachi. ".repeat(40) + "</p>\n";
        String html = "<html><body><article>" + paragraph.repeat(20 * 1024 * 1024 / paragraph.length()) + "</article></body></html>";
        assertTrue(extract(html).body().length() > 10_000_000);
    }

    @Test
    void unclosedTagsAreClosedAsBrowsersWould() {
        ExtractedArticle article = extract("<html><body><div class=story><p>First paragraph, unclosed.<p>Second, also <b>bold");
        assertEquals("First paragraph, unclosed.\n\nSecond, also bold", article.body());
    }

    @Test
    void binaryGarbageGivesAResult() {
        byte[] garbage = new byte[1 << 20];
        new Random(42).nextBytes(garbage);
        assertNotNull(assertTimeoutPreemptively(QUICKLY, () -> ArticleExtractor.extract(garbage, null, PAGE)).body());
    }

    @Test
    void anEmptyPageGivesAnEmptyArticle() {
        ExtractedArticle article = assertTimeoutPreemptively(QUICKLY, () -> ArticleExtractor.extract(new byte[0], null, PAGE));
        assertEquals("", article.body());
        assertEquals("", article.title());
        assertEquals(PAGE, article.canonicalUrl());
    }
}
