package dev.lodestone.search.query;

import static dev.lodestone.search.StoryArticles.FIRST_SHIPMENT;
import static dev.lodestone.search.StoryArticles.MOU_SIGNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.StoryArticles;
import dev.lodestone.search.TestIndex;
import dev.lodestone.search.index.ArticleIndex;
import dev.lodestone.search.query.Timeline.Interval;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {
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
    void articlesAreCountedPerUtcDayWithEmptyDaysIncluded() throws IOException {
        TaggedArticle nextDay = StoryArticles.copy(MOU_SIGNED, "tribune.com.pk", 60 * 24);
        TaggedArticle sameDay = StoryArticles.copy(MOU_SIGNED, "arynews.tv", 60);
        index = TestIndex.of(dir, List.of(MOU_SIGNED, sameDay, nextDay,
                StoryArticles.copy(MOU_SIGNED, "geo.tv", 60 * 72)));

        Timeline timeline = timeline("", Interval.DAY);

        assertEquals(Instant.parse("2025-09-08T00:00:00Z"), timeline.start());
        assertEquals(List.of(2L, 1L, 0L, 1L), timeline.overall());
    }

    @Test
    void theMostMentionedEntitiesGetASeriesOfTheirOwn() throws IOException {
        index = TestIndex.of(dir, List.of(MOU_SIGNED, FIRST_SHIPMENT));

        Timeline timeline = timeline("", Interval.DAY);

        assertEquals("us-strategic-metals", timeline.entities().keySet().iterator().next());
        List<Long> sharif = timeline.entities().get("shehbaz-sharif");
        assertEquals(timeline.overall().size(), sharif.size());
        assertEquals(1L, sharif.get(sharif.size() - 1));
        assertEquals(0L, sharif.get(0));
        assertEquals(1L, sharif.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void hoursAreBucketsToo() throws IOException {
        index = TestIndex.of(dir, List.of(MOU_SIGNED, StoryArticles.copy(MOU_SIGNED, "geo.tv", 150)));

        Timeline timeline = timeline("", Interval.HOUR);

        assertEquals(Instant.parse("2025-09-08T14:00:00Z"), timeline.start());
        assertEquals(List.of(1L, 0L, 1L), timeline.overall());
    }

    @Test
    void onlyMatchingArticlesAreCounted() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        assertEquals(List.of(1L), timeline("neodymium", Interval.DAY).overall());
    }

    @Test
    void noMatchIsAnEmptyTimeline() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);

        Timeline timeline = timeline("cricket", Interval.DAY);

        assertEquals(List.of(), timeline.overall());
        assertEquals(null, timeline.start());
    }

    @Test
    void moreBucketsThanAChartCanShowAreRefused() throws IOException {
        index = TestIndex.of(dir, List.of(MOU_SIGNED, StoryArticles.copy(MOU_SIGNED, "geo.tv", 60 * 24 * 100)));

        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> timeline("", Interval.HOUR));

        assertTrue(e.getMessage().contains("use a wider interval"), e.getMessage());
    }

    private Timeline timeline(String query, Interval interval) throws IOException {
        return index.withSearcher(view -> new ArticleSearcher(view).timeline(SearchRequest.of(query, 1), interval));
    }
}
