package dev.lodestone.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Who a page says wrote it: declared authors first, then the byline a reader sees, reduced to the names. */
class BylineTest {
    private static final URI PAGE = URI.create("https://www.frontierherald.example/news/1");

    private static String byline(String head, String body) {
        return ArticleExtractor.extract("<html><head><title>Pakistan ships first critical minerals to the US</title>"
                + head + "</head><body>" + body + "</body></html>", PAGE).byline();
    }

    private static String bylineInBody(String body) {
        return byline("", body);
    }

    @Test
    void jsonLdAuthorsGivenAsTextOrWithAWebAddressAreNamesOrSkipped() {
        assertEquals("Amina Qureshi", byline("""
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
                "author": ["Amina Qureshi", "https://www.frontierherald.example/staff/amina"]}</script>""", "<p>Text.</p>"));
    }

    @Test
    void aJsonLdAuthorGivenByReferenceIsLookedUpInTheGraph() {
        assertEquals("Amina Qureshi", byline("""
                <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
                {"@type": "NewsArticle", "author": {"@id": "#amina"}},
                {"@type": "Person", "@id": "#amina", "name": "Amina Qureshi"}]}</script>""", "<p>Text.</p>"));
    }

    @Test
    void jsonLdWithRawLineBreaksInItsStringsIsRead() {
        assertEquals("Amina Qureshi", byline("""
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
                "description": "Two lines
                of summary", "author": "Amina Qureshi"}</script>""", "<p>Text.</p>"));
    }

    @Test
    void aJsonLdNodeWithAHeadlineSpeaksForTheStoryWhenNoneIsTypedAsAnArticle() {
        assertEquals("Amina Qureshi", byline("""
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "MedicalWebPage",
                "headline": "Tips", "author": "Amina Qureshi"}</script>""", "<p>Text.</p>"));
    }

    @Test
    void aDublinCoreCreatorOutranksTheAuthorMeta() {
        assertEquals("Amina Qureshi", byline("""
                <meta name="author" content="Frontier Herald Staff"><meta name="DC.creator" content="Amina Qureshi">""",
                "<p>Text.</p>"));
    }

    @Test
    void anArticleAuthorThatIsAProfileAddressIsPassedOver() {
        assertEquals("Sheikh Waqqas Akram", byline("""
                <meta property="article:author" content="https://www.facebook.com/someone">""",
                "<article><p class=\"byline\">By Sheikh Waqqas Akram</p><p>Text.</p></article>"));
    }

    @Test
    void anArticleAuthorThatIsANameIsTheByline() {
        assertEquals("Frontier Herald Newsdesk",
                byline("<meta property=\"og:article:author\" content=\"Frontier Herald Newsdesk\">", "<p>Text.</p>"));
    }

    @Test
    void anAuthorLinkInTheArticlesHeaderIsTheByline() {
        assertEquals("Amina Qureshi", bylineInBody("""
                <article><header class="entry-header"><h1>Pakistan ships first critical minerals to the US</h1>
                <address><a rel="author" href="/staff/amina">Amina Qureshi</a></address></header>
                <p>Text.</p></article>"""));
    }

    @Test
    void theSitesHeaderAndTheCommentsAreNotSearched() {
        assertEquals("Amina Qureshi", bylineInBody("""
                <header class="site-header"><a class="author-login" href="/login">Sign in</a></header>
                <div class="comments"><span class="comment-author">Karachi Reader</span></div>
                <article><p class="byline">By Amina Qureshi</p><p>Text.</p></article>"""));
    }

    @Test
    void hiddenBylinesAreNotSearched() {
        assertEquals("Amina Qureshi", bylineInBody("""
                <div class="author" style="display: none">Template Author</div>
                <p class="byline">By Amina Qureshi</p><p>Text.</p>"""));
    }

    @Test
    void aNestedItempropNameIsTheName() {
        assertEquals("Amina Qureshi", bylineInBody("""
                <div itemprop="author">Business desk <span itemprop="name">Amina Qureshi</span> reports</div><p>Text.</p>"""));
    }

    @Test
    void aDatelineWithOnlyADateIsNotAByline() {
        assertEquals("Amina Qureshi", bylineInBody("""
                <div class="article-dateline">October 4, 2025 at 9:30 am</div>
                <div class="article-byline">By Amina Qureshi</div><p>Text.</p>"""));
    }

    @Test
    void anAuthorElementHoldingTheHeadlineIsNotAByline() {
        assertNull(bylineInBody("<h1 class=\"author-headline\">Pakistan ships first critical minerals to the US</h1><p>Text.</p>"));
    }

    @Test
    void theLeadingByIsDropped() {
        assertEquals("Amina Qureshi", Bylines.clean("  By\n\t Amina Qureshi "));
    }

    @Test
    void aWrittenByLabelIsDropped() {
        assertEquals("Amina Qureshi", Bylines.clean("Written by Amina Qureshi"));
    }

    @Test
    void aTrailingDateAndTimeAreDropped() {
        assertEquals("Amina Qureshi", Bylines.clean("Amina Qureshi - Oct 4, 2025 8:02 pm UTC"));
    }

    @Test
    void aTrailingRelativeTimeIsDropped() {
        assertEquals("Amina Qureshi", Bylines.clean("Amina Qureshi 1 day ago"));
    }

    @Test
    void whatFollowsABarIsDropped() {
        assertEquals("Amina Qureshi", Bylines.clean("By Amina Qureshi | Updated"));
    }

    @Test
    void aSurnameThatIsAMonthSurvives() {
        assertEquals("Theresa May", Bylines.clean("By Theresa May"));
    }

    @Test
    void nothingNameLikeIsNoByline() {
        assertNull(Bylines.clean("4 October 2025"));
    }
}
