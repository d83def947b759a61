package dev.lodestone.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SeenArticlesTest {
    @Test
    void theFirstBodyAtAUrlIsRevisionOne() {
        assertEquals(OptionalInt.of(1), new SeenArticles(10).revise("https://a.example/1", "hash-a"));
    }

    @Test
    void theSameBodyAgainIsNothingToPublish() {
        SeenArticles seen = new SeenArticles(10);
        seen.revise("https://a.example/1", "hash-a");
        assertEquals(OptionalInt.empty(), seen.revise("https://a.example/1", "hash-a"));
    }

    @Test
    void aChangedBodyIsTheNextRevision() {
        SeenArticles seen = new SeenArticles(10);
        seen.revise("https://a.example/1", "hash-a");
        assertEquals(OptionalInt.of(2), seen.revise("https://a.example/1", "hash-b"));
        assertEquals(OptionalInt.of(3), seen.revise("https://a.example/1", "hash-c"));
    }

    @Test
    void aLinkNotedAsSeenStillGetsRevisionOneForItsFirstBody() {
        SeenArticles seen = new SeenArticles(10);
        seen.add("https://a.example/1");
        assertTrue(seen.contains("https://a.example/1"));
        assertEquals(OptionalInt.of(1), seen.revise("https://a.example/1", "hash-a"));
    }

    @Test
    void pastCapacityTheLeastRecentlyTouchedUrlIsForgotten() {
        SeenArticles seen = new SeenArticles(2);
        seen.add("https://a.example/old");
        seen.add("https://a.example/kept");
        seen.contains("https://a.example/old");
        seen.add("https://a.example/new");

        assertTrue(seen.contains("https://a.example/old"));
        assertFalse(seen.contains("https://a.example/kept"));
        assertTrue(seen.contains("https://a.example/new"));
    }

    @Test
    void aRestoredArticleIsNotRevisedByTheSameBodyButIsByAnEditedOne() {
        SeenArticles restored = new SeenArticles(10);
        restored.restore("https://www.dawn.com/news/1", "hash-a", 3);

        assertTrue(restored.contains("https://www.dawn.com/news/1"));
        assertEquals(OptionalInt.empty(), restored.revise("https://www.dawn.com/news/1", "hash-a"));
        assertEquals(OptionalInt.of(4), restored.revise("https://www.dawn.com/news/1", "hash-b"));
    }
}
