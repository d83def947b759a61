package dev.lodestone.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which title a page gets: the rules reader views use, so a page reads the same here and in Firefox. */
class TitleTest {
    private static final URI PAGE = URI.create("https://www.frontierherald.example/news/1");

    private static String title(String head, String body) {
        return ArticleExtractor.extract("<html><head>" + head + "</head><body>" + body + "</body></html>", PAGE).title();
    }

    private static String title(String head) {
        return title(head, "<p>Text.</p>");
    }

    @Test
    void anOpenGraphTitleIsTakenAsWrittenSiteNameIncluded() {
        assertEquals("Reko Diq talks resume - Frontier Herald", title("""
                <title>Reko Diq: talks resume after a year | Frontier Herald</title>
                <meta property="og:title" content="Reko Diq talks resume - Frontier Herald">"""));
    }

    @Test
    void aDublinCoreTitleOutranksOpenGraph() {
        assertEquals("Pasni port proposal", title("""
                <meta property="og:title" content="Open Graph title">
                <meta name="DC.title" content="Pasni port proposal">"""));
    }

    @Test
    void aPropertyOutranksANameForTheSameKey() {
        assertEquals("Declared by property", title("""
                <meta name="dc.title" content="Declared by name">
                <meta property="dc:title" content="Declared by property">"""));
    }

    @Test
    void aPropertyListingSeveralKeysCountsForEach() {
        assertEquals("Shared title", title("<meta property=\"x:title dc:title\" content=\"Shared title\">"));
    }

    @Test
    void theJsonLdArticleTitleOutranksEveryMetaTag() {
        assertEquals("First rare earths reach the US", title("""
                <meta property="dc:title" content="Dublin Core title">
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
                "headline": "First rare earths reach the US"}</script>"""));
    }

    @Test
    void jsonLdWrappedInCdataIsRead() {
        assertEquals("First rare earths reach the US", title("""
                <meta property="og:title" content="Open Graph title">
                <script type="application/ld+json"><![CDATA[
                {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "First rare earths reach the US"}
                ]]></script>"""));
    }

    @Test
    void jsonLdThatIsNotAnArticleIsNotTheTitle() {
        assertEquals("Open Graph title", title("""
                <meta property="og:title" content="Open Graph title">
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "Organization",
                "name": "Frontier Herald"}</script>"""));
    }

    @Test
    void whenJsonLdNameAndHeadlineDifferTheOneMatchingTheTitleElementWins() {
        assertEquals("Antimony shipment leaves Karachi for Missouri", title("""
                <title>Antimony shipment leaves Karachi for Missouri - Frontier Herald</title>
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
                "name": "Frontier Herald", "headline": "Antimony shipment leaves Karachi for Missouri"}</script>"""));
    }

    @Test
    void aTitleElementWhoseFirstPartIsTooShortKeepsThePartAfterTheFirstSeparator() {
        assertEquals("Antimony shipment leaves Karachi for Missouri",
                title("<title>Dawn - Antimony shipment leaves Karachi for Missouri</title>"));
    }

    @Test
    void aCutThatLeavesFourWordsOrFewerKeepsTheWholeTitleElement() {
        assertEquals("Reko Diq - Wikipedia", title("<title>Reko Diq - Wikipedia</title>"));
    }

    @Test
    void aTitleElementWithAColonLosesItsKicker() {
        assertEquals("Why the Pasni port matters to Washington",
                title("<title>Analysis: Why the Pasni port matters to Washington</title>"));
    }

    @Test
    void aTitleElementWithAColonThatIsAlsoTheHeadingIsKeptWhole() {
        assertEquals("Analysis: Why the Pasni port matters to Washington",
                title("<title>Analysis: Why the Pasni port matters to Washington</title>",
                        "<h1>Analysis: Why the Pasni port matters to Washington</h1><p>Text.</p>"));
    }

    @Test
    void anOverlongTitleElementGivesWayToThePagesOnlyHeading() {
        String overlong = "Frontier Herald ".repeat(12).strip();
        assertEquals("USSM signs memorandum with the Frontier Works Organisation",
                title("<title>" + overlong + "</title>", "<h1>USSM signs memorandum with the Frontier Works Organisation</h1>"));
    }
}
