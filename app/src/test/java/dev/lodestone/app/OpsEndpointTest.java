package dev.lodestone.app;

import static dev.lodestone.app.PipelineEndToEndTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.newswire.DemoNewswire;
import dev.lodestone.search.SearchService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every process answers /health and /metrics, whatever services it runs. */
class OpsEndpointTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private boolean isReady(int port) {
        try {
            return get(port, "/health").statusCode() == 200;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRunningAnalyzeServiceBecomesReadyAndExportsItsMetrics() throws Exception {
        try (Pipeline pipeline = Pipeline.start(new Pipeline.Options(LodestoneConfig.bundled(),
                Set.of(Pipeline.Service.ANALYZE), null, data, 0, 0, 0, "test"))) {
            int port = pipeline.opsPort().orElseThrow();

            // Ready once every consumer knows its lag, which takes its first fetch.
            await(() -> isReady(port), "ready");
            HttpResponse<String> health = get(port, "/health");
            assertTrue(health.body().contains("\"component\":\"kafka\",\"up\":true"), health.body());
            assertTrue(health.body().contains("\"component\":\"analyze\",\"up\":true"), health.body());

            HttpResponse<String> metrics = get(port, "/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("lodestone_analyze_articles_total"), metrics.body());
            assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM metrics are exported too");
        }
    }

    @Test
    void aRunningPipelineExportsWhatTheIssueAsksToWatch() throws Exception {
        try (DemoNewswire newswire = DemoNewswire.start(0, Duration.ZERO, 5);
             Pipeline pipeline = Pipeline.start(new Pipeline.Options(LodestoneConfig.bundled()
                     .withFeeds(newswire.feedUrls()).withAllowLoopback(true).withHostDelay(Duration.ZERO)
                     .withPollInterval(Duration.ofMillis(300)), Pipeline.all(), null, data, 0, 0, 0, "test"))) {
            int port = pipeline.opsPort().orElseThrow();
            SearchService search = pipeline.search().orElseThrow();
            await(() -> search.indexedCount() == 5, "5 articles indexed");
            assertEquals(200, get(search.port(), "/api/search?q=antimony").statusCode());

            String metrics = get(port, "/metrics").body();
            assertExported(metrics, "lodestone_ingest_fetches_total\\{host=\"127\\.0\\.0\\.1\",outcome=\"ok\"\\} [1-9]");
            assertExported(metrics, "lodestone_ingest_fetch_seconds_bucket\\{host=\"127\\.0\\.0\\.1\",le=\"[^\"]+\"\\}");
            assertExported(metrics, "lodestone_ingest_fetched_bytes_total\\{host=\"127\\.0\\.0\\.1\"\\} [1-9]");
            assertExported(metrics, "lodestone_ingest_feeds\\{state=\"healthy\"\\} [1-9]");
            assertExported(metrics, "lodestone_ingest_feed_failures\\{feed=\"http://[^\"]+\"\\} 0");
            assertExported(metrics, "lodestone_consumer_lag\\{consumer=\"lodestone-search\",topic=\"lodestone\\.tagged\"\\} [0-9]");
            assertExported(metrics, "lodestone_search_index_documents\\{index=\"[^\"]+\"\\} 5");
            assertExported(metrics, "lodestone_search_index_refresh_seconds_count [1-9]");
            assertExported(metrics, "lodestone_search_query_seconds_count\\{kind=\"search\",outcome=\"ok\"\\} 1");
            HttpResponse<String> health = get(port, "/health");
            assertTrue(health.body().contains("\"component\":\"consumer-lag\",\"up\":true"), health.body());
        }
    }

    private static void assertExported(String metrics, String line) {
        assertTrue(Pattern.compile("^" + line, Pattern.MULTILINE).matcher(metrics).find(), line + " in\n" + metrics);
    }
}
