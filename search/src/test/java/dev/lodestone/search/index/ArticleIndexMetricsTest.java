package dev.lodestone.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.search.StoryArticles;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code /metrics} says about the index: its size, and how long refreshes and commits take. */
class ArticleIndexMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @TempDir
    Path dir;

    @BeforeEach
    void watch() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void unwatch() {
        Metrics.removeRegistry(registry);
    }

    private double gauge(String name) {
        return registry.get(name).tag("index", dir.toAbsolutePath().toString()).gauge().value();
    }

    @Test
    void theIndexReportsItsSearchableArticlesAndItsSizeOnDiskAfterACommit() throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            double emptySize = gauge(ArticleIndex.SIZE);
            index.upsert(StoryArticles.MOU_SIGNED);
            index.upsert(StoryArticles.PTI_OBJECTS);
            index.commit(Map.of());
            index.refresh();

            assertEquals(2, gauge(ArticleIndex.DOCUMENTS));
            assertTrue(gauge(ArticleIndex.SIZE) > emptySize, "size grows from " + emptySize);
        }
    }

    @Test
    void refreshesAndCommitsAreTimed() throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.upsert(StoryArticles.MOU_SIGNED);
            index.commit(Map.of());
            index.refresh();

            assertEquals(1, registry.get(ArticleIndex.REFRESH_TIME).timer().count());
            assertEquals(1, registry.get(ArticleIndex.COMMIT_TIME).timer().count());
        }
    }

    @Test
    void aClosedIndexIsNoLongerReported() throws Exception {
        ArticleIndex.open(dir).close();

        assertNull(registry.find(ArticleIndex.DOCUMENTS).tag("index", dir.toAbsolutePath().toString()).gauge());
    }
}
