package dev.lodestone.search.query;

import static dev.lodestone.search.StoryArticles.FIRST_SHIPMENT;
import static dev.lodestone.search.StoryArticles.MOU_SIGNED;
import static dev.lodestone.search.StoryArticles.PTI_OBJECTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.StoryArticles;
import dev.lodestone.search.TestIndex;
import dev.lodestone.search.index.ArticleIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleSearcherTest {
    @TempDir
    Path dir;

    private ArticleIndex index;

    @AfterEach
    void closeIndex() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    @Test
    void aWordInTheBodyFindsEveryArticleContainingIt() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(MOU_SIGNED.id(), FIRST_SHIPMENT.id()).stream().sorted().toList(),
                ids(search("antimony")).stream().sorted().toList());
    }

    @Test
    void aWordInTheTitleRanksAboveTheSameWordInTheBody() throws IOException {
        TaggedArticle inTitle = StoryArticles.tagged("https://a.example/1", "Reko Diq copper output", "Output rose again.");
        TaggedArticle inBody = StoryArticles.tagged("https://a.example/2", "Mining news", "Reko Diq copper output rose.");
        indexed(List.of(inBody, inTitle));

        assertEquals(List.of(inTitle.id(), inBody.id()), ids(search("copper")));
    }

    @Test
    void everyWordOfTheQueryMustOccur() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(FIRST_SHIPMENT.id()), ids(search("antimony neodymium")));
    }

    @Test
    void inflectionsMatch() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(FIRST_SHIPMENT.id()), ids(search("shipments")));
    }

    @Test
    void aPossessiveMatchesTheBareName() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(FIRST_SHIPMENT.id()), ids(search("shahbaz")));
    }

    @Test
    void accentsAreFolded() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(PTI_OBJECTS.id()), ids(search("Sharif")));
    }

    @Test
    void aPhraseMatchesOnlyAdjacentWords() throws IOException {
        TaggedArticle adjacent = StoryArticles.tagged("https://a.example/1", "Minerals", "Exports of rare earths grew.");
        TaggedArticle apart = StoryArticles.tagged("https://a.example/2", "Minerals", "Rare finds in the earths of Chagai.");
        indexed(List.of(adjacent, apart));

        assertEquals(List.of(adjacent.id()), ids(search("\"rare earths\"")));
    }

    @Test
    void entityFindsArticlesTaggedWithThatWatchListId() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(MOU_SIGNED.id()), ids(search("entity:frontier-works-organisation")));
    }

    @Test
    void sourceFindsArticlesFromThatOutlet() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(PTI_OBJECTS.id()), ids(search("source:thenews.com.pk")));
    }

    @Test
    void aboutSelectsArticlesOnTheStory() throws IOException {
        TaggedArticle offTopic = StoryArticles.tagged("https://a.example/cricket", "Cricket", "Pakistan beat India.");
        TaggedArticle notAbout = new TaggedArticle(offTopic.schema(), offTopic.article(), List.of(), Map.of(), List.of(),
                List.of(), 0.1, false, List.of(), null, true, offTopic.taggedAt());
        indexed(List.of(MOU_SIGNED, notAbout));

        assertEquals(List.of(MOU_SIGNED.id()), ids(search("about:true")));
        assertEquals(List.of(notAbout.id()), ids(search("about:false")));
    }

    @Test
    void noQueryListsEveryArticleNewestFirst() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(FIRST_SHIPMENT.id(), PTI_OBJECTS.id(), MOU_SIGNED.id()), ids(search("  ")));
    }

    @Test
    void starColonStarMatchesEveryArticle() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(3, search("*:*").total());
    }

    @Test
    void theTotalCountsEveryMatchNotOnlyThoseReturned() throws IOException {
        indexed(StoryArticles.ALL);

        SearchResult result = searchTop("deal OR antimony", 1);

        assertEquals(3, result.total());
        assertEquals(1, result.hits().size());
    }

    @Test
    void aHitCarriesTheArticleAsIndexed() throws IOException {
        indexed(List.of(MOU_SIGNED));

        Hit hit = search("hastie").hits().get(0);

        assertEquals(MOU_SIGNED.id(), hit.id());
        assertEquals("FWO signs $500m minerals deal with US Strategic Metals", hit.title());
        assertEquals(MOU_SIGNED.article().url(), hit.url());
        assertEquals("dawn.com", hit.source());
        assertEquals(Instant.parse("2025-09-08T14:00:00Z"), hit.publishedAt());
        assertEquals(List.of("frontier-works-organisation", "us-strategic-metals", "stacy-hastie"), hit.entities());
    }

    @Test
    void theSnippetMarksTheMatchedWords() throws IOException {
        indexed(List.of(MOU_SIGNED));

        String snippet = search("antimony").hits().get(0).snippet();

        assertTrue(snippet.contains("the export of <mark>antimony</mark>, copper"), snippet);
    }

    @Test
    void theSnippetEscapesMarkupFromTheBody() throws IOException {
        TaggedArticle hostile = StoryArticles.tagged("https://a.example/x", "Antimony prices",
                "Antimony <script>alert('x')</script> prices & <b>rare earths</b> rose.");
        indexed(List.of(hostile));

        String snippet = search("antimony").hits().get(0).snippet();

        assertFalse(snippet.contains("<script>"), snippet);
        assertTrue(snippet.startsWith("<mark>Antimony</mark> &lt;script&gt;"), snippet);
        assertTrue(snippet.contains("&amp; &lt;b&gt;rare earths&lt;"), snippet);
    }

    @Test
    void withoutAMatchInTheBodyTheSnippetIsTheOpeningOfTheBodyEscaped() throws IOException {
        String body = "Gwadar & Pasni <port> plans. " + "The talks continued for weeks. ".repeat(20);
        TaggedArticle article = StoryArticles.tagged("https://a.example/x", "Balochistan ports", body);
        indexed(List.of(article));

        String snippet = search("title:balochistan").hits().get(0).snippet();

        assertTrue(snippet.startsWith("Gwadar &amp; Pasni &lt;port&gt; plans."), snippet);
        assertTrue(snippet.length() < 260, snippet);
        assertTrue(snippet.endsWith(" …"), snippet);
    }

    @Test
    void aSyntaxErrorSaysWhatAndWhere() throws IOException {
        indexed(StoryArticles.ALL);

        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> search("antimony AND"));

        assertTrue(e.getMessage().startsWith("Cannot parse 'antimony AND': Encountered"), e.getMessage());
        assertTrue(e.getMessage().contains("at line 1, column 12"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanMatchingNothing() throws IOException {
        indexed(StoryArticles.ALL);

        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> search("author:hastie"));

        assertTrue(e.getMessage().contains("unknown field 'author'"), e.getMessage());
    }

    @Test
    void aLeadingWildcardIsRefused() throws IOException {
        indexed(StoryArticles.ALL);

        assertThrows(InvalidQueryException.class, () -> search("*mony"));
    }

    @Test
    void aTrailingWildcardMatchesRegardlessOfCase() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(FIRST_SHIPMENT.id()), ids(search("Praseo*")));
    }

    @Test
    void aQueryWithTooManyTermsIsRefused() throws IOException {
        indexed(StoryArticles.ALL);
        String manyWords = "antimony ".repeat(QuerySyntax.MAX_TERMS);

        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> search(manyWords));

        assertTrue(e.getMessage().contains("at most " + QuerySyntax.MAX_TERMS), e.getMessage());
    }

    @Test
    void aPublishedRangeOfDaysIncludesBothEndDays() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(MOU_SIGNED.id(), PTI_OBJECTS.id()).stream().sorted().toList(),
                ids(search("published:[2025-09-08 TO 2025-09-20]")).stream().sorted().toList());
    }

    @Test
    void aPublishedDayMatchesThatWholeDayInUtc() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(FIRST_SHIPMENT.id()), ids(search("published:2025-10-05")));
    }

    @Test
    void aDateThatIsNotOneSaysWhatADateLooksLike() throws IOException {
        indexed(StoryArticles.ALL);

        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> search("published:[october TO *]"));

        assertTrue(e.getMessage().contains("use 2025-10-01"), e.getMessage());
    }

    @Test
    void speakerFindsArticlesQuotingThatPerson() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(MOU_SIGNED.id()), ids(search("speaker:stacy-hastie")));
    }

    @Test
    void quotedWordsAreSearchableOnTheirOwn() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(MOU_SIGNED.id()), ids(search("quote:\"supply chains\"")));
        assertEquals(List.of(), ids(search("quote:antimony")));
    }

    @Test
    void kindFindsArticlesMentioningAnEntityOfThatKind() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(PTI_OBJECTS.id()), ids(search("kind:party")));
    }

    @Test
    void identifierFieldsMatchWhateverTheCaseTyped() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(PTI_OBJECTS.id()), ids(search("entity:PTI")));
        assertEquals(List.of(MOU_SIGNED.id()), ids(search("source:Dawn.com")));
    }

    @Test
    void relevanceRangesSelectByScore() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(3, search("relevance:[0.8 TO *]").total());
        assertEquals(0, search("relevance:[0.95 TO 1]").total());
    }

    @Test
    void aRegularExpressionStartingWithPlainLettersMatches() throws IOException {
        indexed(StoryArticles.ALL);

        assertEquals(List.of(FIRST_SHIPMENT.id()), ids(search("/praseo[a-z]+/")));
    }

    @Test
    void aRegularExpressionThatWouldScanEveryTermIsRefused() throws IOException {
        indexed(StoryArticles.ALL);

        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> search("/.*ium/"));

        assertTrue(e.getMessage().contains("would scan the whole index"), e.getMessage());
    }

    @Test
    void aWildcardAfterASingleLetterIsRefused() throws IOException {
        indexed(StoryArticles.ALL);

        assertThrows(InvalidQueryException.class, () -> search("a*"));
    }

    @Test
    void aQueryOverItsTimeBudgetFailsInsteadOfAnsweringPartially() throws IOException {
        indexed(StoryArticles.ALL);

        QueryTooSlowException e = assertThrows(QueryTooSlowException.class, () -> index.withSearcher(
                view -> new ArticleSearcher(view, Duration.ZERO).search("antimony", 10)));

        assertTrue(e.getMessage().startsWith("The query took longer than 0 ms"), e.getMessage());
    }

    private void indexed(List<TaggedArticle> articles) throws IOException {
        index = TestIndex.of(dir, articles);
    }

    private SearchResult search(String query) throws IOException {
        return searchTop(query, 10);
    }

    private SearchResult searchTop(String query, int size) throws IOException {
        return index.withSearcher(searcher -> new ArticleSearcher(searcher).search(query, size));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(Hit::id).toList();
    }
}
