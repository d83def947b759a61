package dev.lodestone.newswire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleArticlesTest {
    private final SampleArticles bundled = SampleArticles.bundled();

    @Test
    void theBundledContentHasAtLeast44ArticlesFromAtLeast5Outlets() {
        assertTrue(bundled.articles().size() >= 44, "articles: " + bundled.articles().size());
        Set<String> publishing = bundled.articles().stream().map(SampleArticle::outlet).collect(Collectors.toSet());
        assertTrue(publishing.size() >= 5, "outlets with articles: " + publishing);
    }

    @Test
    void theBundledContentSaysItIsSampleContentAboutFictionalOutlets() {
        assertTrue(bundled.note().contains("sample content") && bundled.note().contains("fictional"), bundled.note());
    }

    @Test
    void oneWireStoryIsSyndicatedByAtLeastThreeOutletsUnderDifferentHeadlines() {
        List<SampleArticle> widest = bundled.wireStories().values().stream()
                .max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();

        assertTrue(widest.stream().map(SampleArticle::outlet).distinct().count() >= 3, widest.toString());
        assertEquals(widest.size(), widest.stream().map(SampleArticle::title).distinct().count());
    }

    @Test
    void everyArticleHasATitleAnAuthorAndABody() {
        for (SampleArticle a : bundled.articles()) {
            assertFalse(a.title().isBlank() || a.author().isBlank() || a.paragraphs().isEmpty(), a.slug());
        }
    }

    @Test
    void everyArticleReadsLikeANewsStoryOf120To450WordsInThreeToSevenParagraphs() {
        for (SampleArticle a : bundled.articles()) {
            assertTrue(a.wordCount() >= 120 && a.wordCount() <= 450, a.slug() + ": " + a.wordCount() + " words");
            assertTrue(a.paragraphs().size() >= 3 && a.paragraphs().size() <= 7, a.slug());
        }
    }

    @Test
    void theOutletsPublishBothRssAndAtom() {
        assertEquals(Set.of(FeedFormat.RSS, FeedFormat.ATOM),
                bundled.outlets().stream().map(Outlet::feed).collect(Collectors.toSet()));
    }

    @Test
    void articlesAreReleasedOldestFirstWhateverTheOrderOfTheFile() {
        assertEquals(List.of("crane-arrives", "profits-and-losses", "rain-on-tuesday", "regatta-cancelled"),
                Fixtures.small().articles().stream().map(SampleArticle::slug).toList());
    }

    @Test
    void aPagePathIsDatedByThePublicationMonth() {
        SampleArticle crane = Fixtures.small().articles().get(0);

        assertEquals("/harbour-times/2025/09/crane-arrives.html", crane.path());
    }

    @Test
    void anArticleNamingAnUnknownOutletIsRefusedWithTheArticleNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Fixtures.read("unknown-outlet.json"));

        assertTrue(e.getMessage().contains("'misspelt-outlet' of harbor-times names an unknown outlet"),
                e.getMessage());
    }

    @Test
    void twoArticlesPublishedAtTheSameInstantAreRefusedBecauseTheirReleaseOrderWouldBeAmbiguous() {
        var e = assertThrows(IllegalArgumentException.class, () -> Fixtures.read("same-instant.json"));

        assertTrue(e.getMessage().contains("same instant"), e.getMessage());
    }
}
