package dev.lodestone.app;

import static dev.lodestone.app.PipelineEndToEndTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.newswire.DemoNewswire;
import dev.lodestone.search.SearchService;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart on the same data folder neither loses nor duplicates indexed articles. */
class RestartTest {
    private static final Duration POLL = Duration.ofMillis(300);

    @TempDir
    Path data;

    @Test
    void aRestartedPipelineKeepsEveryArticleExactlyOnce() throws Exception {
        try (DemoNewswire newswire = DemoNewswire.start(0, Duration.ZERO, 6)) {
            try (Pipeline first = Pipeline.start(options(newswire))) {
                SearchService search = first.search().orElseThrow();
                await(() -> search.indexedCount() == 6, "6 articles indexed before the restart");
            }

            try (Pipeline second = Pipeline.start(options(newswire))) {
                SearchService search = second.search().orElseThrow();
                assertEquals(6, search.indexedCount(), "articles indexed before the restart");

                // Ingest remembers the six from the articles topic; whatever it sends, six and one make seven.
                newswire.releaseNext();
                await(() -> search.indexedCount() >= 7, "the article published after the restart indexed");
                Thread.sleep(POLL.multipliedBy(5).toMillis());
                assertEquals(7, search.indexedCount());
            }
        }
    }

    private Pipeline.Options options(DemoNewswire newswire) {
        LodestoneConfig config = LodestoneConfig.bundled()
                .withFeeds(newswire.feedUrls())
                .withAllowLoopback(true)
                .withHostDelay(Duration.ZERO)
                .withPollInterval(POLL);
        return new Pipeline.Options(config, Pipeline.all(), null, data, 0, 0, 0, "test");
    }
}
