package dev.lodestone.search.query;

import static dev.lodestone.search.StoryArticles.FIRST_SHIPMENT;
import static dev.lodestone.search.StoryArticles.MOU_SIGNED;
import static dev.lodestone.search.StoryArticles.PTI_OBJECTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.StoryArticles;
import dev.lodestone.search.TestIndex;
import dev.lodestone.search.index.ArticleIndex;
import dev.lodestone.search.query.SearchRequest.Order;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Orders, filters, cursors, story collapse and facets: what a page of results holds. */
class SearchPagesTest {
    private static final TaggedArticle SHIPMENT_COPY = StoryArticles.copy(FIRST_SHIPMENT, "tribune.com.pk", 30);

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
    void facetsCountEveryMatchNotOnlyTheHitsOnThePage() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        SearchResult result = search(SearchRequest.of("", 1));

        assertEquals(1, result.hits().size());
        assertEquals(Map.of("dawn.com", 1L, "reuters.com", 1L, "thenews.com.pk", 1L), result.facets().sources());
        assertEquals(2L, result.facets().entities().get("us-strategic-metals"));
    }

    @Test
    void facetsListTheMostFrequentValueFirst() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        Facets facets = search(SearchRequest.of("", 10)).facets();

        assertEquals("us-strategic-metals", facets.entities().keySet().iterator().next());
        assertEquals("person", facets.kinds().keySet().iterator().next());
        assertEquals(3L, facets.kinds().get("person"));
    }

    @Test
    void languagesAreCountedPerArticle() throws IOException {
        index = TestIndex.of(dir, List.of(MOU_SIGNED, FIRST_SHIPMENT, StoryArticles.inLanguage(PTI_OBJECTS, "ur")));

        assertEquals(Map.of("en", 2L, "ur", 1L), search(SearchRequest.of("", 10)).facets().languages());
    }

    @Test
    void everyEntityFilterMustHold() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        SearchRequest request = SearchRequest.of("", 10).withEntities(List.of("us-strategic-metals", "shehbaz-sharif"));

        assertEquals(List.of(FIRST_SHIPMENT.id()), ids(search(request)));
    }

    @Test
    void anyOfTheSourceFiltersMayHold() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        SearchRequest request = new SearchRequest("", null, List.of("dawn.com", "reuters.com"), null, null, null,
                Order.OLDEST, 10, null);

        assertEquals(List.of(MOU_SIGNED.id(), FIRST_SHIPMENT.id()), ids(search(request)));
    }

    @Test
    void fromAndToBoundThePublicationTime() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        SearchRequest request = new SearchRequest("", null, null, Instant.parse("2025-09-09T00:00:00Z"),
                Instant.parse("2025-10-01T00:00:00Z"), null, null, 10, null);

        assertEquals(List.of(PTI_OBJECTS.id()), ids(search(request)));
    }

    @Test
    void oldestFirstReversesNewestFirst() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        assertEquals(List.of(FIRST_SHIPMENT.id(), PTI_OBJECTS.id(), MOU_SIGNED.id()),
                ids(search(SearchRequest.of("deal OR antimony OR minerals", 10).withOrder(Order.NEWEST))));
        assertEquals(List.of(MOU_SIGNED.id(), PTI_OBJECTS.id(), FIRST_SHIPMENT.id()),
                ids(search(SearchRequest.of("deal OR antimony OR minerals", 10).withOrder(Order.OLDEST))));
    }

    @Test
    void cursorsWalkEveryArticleOnceAndEndWithNoCursor() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        for (Order order : Order.values()) {
            List<String> seen = new ArrayList<>();
            SearchRequest request = SearchRequest.of("minerals OR deal OR antimony", 1).withOrder(order);
            SearchResult page = search(request);
            seen.addAll(ids(page));
            while (page.nextCursor() != null) {
                page = search(request.withCursor(page.nextCursor()));
                seen.addAll(ids(page));
            }
            assertEquals(3, seen.size(), order.name());
            assertEquals(3, seen.stream().distinct().count(), order.name());
        }
    }

    @Test
    void aPageThatReachesTheEndHasNoCursor() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        assertNull(search(SearchRequest.of("", 10)).nextCursor());
        assertNotNull(search(SearchRequest.of("", 2)).nextCursor());
    }

    @Test
    void aCursorFromAnotherOrderIsRefused() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);
        String newestCursor = search(SearchRequest.of("", 1)).nextCursor();

        assertThrows(InvalidQueryException.class,
                () -> search(SearchRequest.of("", 1).withOrder(Order.OLDEST).withCursor(newestCursor)));
    }

    @Test
    void aGarbledCursorIsRefused() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        assertThrows(InvalidQueryException.class, () -> search(SearchRequest.of("", 1).withCursor("not-a-cursor")));
    }

    @Test
    void copiesOfOneStoryCollapseIntoOneHitListingEveryOutletFirstToPublishFirst() throws IOException {
        index = TestIndex.of(dir, List.of(SHIPMENT_COPY, FIRST_SHIPMENT, MOU_SIGNED));

        SearchResult result = search(SearchRequest.of("antimony", 10));

        assertEquals(3, result.total());
        assertEquals(2, result.hits().size());
        Hit shipment = result.hits().stream().filter(hit -> hit.storyId().equals(FIRST_SHIPMENT.storyId()))
                .findFirst().orElseThrow();
        assertEquals(List.of("reuters.com", "tribune.com.pk"), shipment.outlets());
        assertEquals(List.of("dawn.com"), result.hits().stream()
                .filter(hit -> hit.id().equals(MOU_SIGNED.id())).findFirst().orElseThrow().outlets());
    }

    @Test
    void theCopyThatLeadsAStoryIsTheOneTheOrderPutsFirst() throws IOException {
        index = TestIndex.of(dir, List.of(SHIPMENT_COPY, FIRST_SHIPMENT));

        assertEquals(List.of(SHIPMENT_COPY.id()), ids(search(SearchRequest.of("", 10).withOrder(Order.NEWEST))));
        assertEquals(List.of(FIRST_SHIPMENT.id()), ids(search(SearchRequest.of("", 10).withOrder(Order.OLDEST))));
    }

    @Test
    void aStoryShownOnOnePageIsNotShownAgainOnTheNext() throws IOException {
        index = TestIndex.of(dir, List.of(FIRST_SHIPMENT, SHIPMENT_COPY, MOU_SIGNED, PTI_OBJECTS));

        List<String> stories = new ArrayList<>();
        SearchRequest request = SearchRequest.of("", 1);
        SearchResult page = search(request);
        stories.addAll(page.hits().stream().map(Hit::storyId).toList());
        while (page.nextCursor() != null) {
            page = search(request.withCursor(page.nextCursor()));
            stories.addAll(page.hits().stream().map(Hit::storyId).toList());
        }

        assertEquals(List.of(FIRST_SHIPMENT.storyId(), PTI_OBJECTS.storyId(), MOU_SIGNED.storyId()), stories);
    }

    private SearchResult search(SearchRequest request) throws IOException {
        return index.withSearcher(view -> new ArticleSearcher(view).search(request));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(Hit::id).toList();
    }
}
