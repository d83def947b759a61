package dev.lodestone.app;

import static dev.lodestone.app.PipelineEndToEndTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.newswire.DemoNewswire;
import dev.lodestone.search.SearchService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is rebuilt from the topics beside the one in use, which keeps serving until the new one is ready. */
class ReindexTest {
    @TempDir
    Path data;

    @Test
    void aRebuiltIndexHoldsEveryArticleOnceAndTheRunningServiceSwapsItIn() throws Exception {
        try (DemoNewswire newswire = DemoNewswire.start(0, Duration.ZERO, 5)) {
            Pipeline.Options options = new Pipeline.Options(LodestoneConfig.bundled().withFeeds(newswire.feedUrls())
                    .withAllowLoopback(true).withHostDelay(Duration.ZERO).withPollInterval(Duration.ofMillis(300)),
                    Pipeline.all(), null, data, 0, 0, -1, "test");
            try (Pipeline running = Pipeline.start(options)) {
                SearchService search = running.search().orElseThrow();
                await(() -> search.indexedCount() == 5, "5 articles indexed");

                int code = Lodestone.commandLine().execute("reindex", "--data", data.toString(),
                        "--bootstrap-servers", running.bootstrapServers());

                assertEquals(0, code);
                Path rebuilt = SearchService.rebuiltIndexDir(data.resolve("index"));
                await(() -> Files.notExists(rebuilt), "the running service swapping in the rebuilt index");
                assertEquals(5, search.indexedCount(), "every article once, from the rebuilt index");

                newswire.releaseNext();
                await(() -> search.indexedCount() == 6, "indexing resumed after the swap");
            }
        }
    }
}
