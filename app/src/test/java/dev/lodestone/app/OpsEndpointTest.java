package dev.lodestone.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
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

    @Test
    void aRunningAnalyzeServiceIsReadyAndExportsItsMetrics() throws Exception {
        try (Pipeline pipeline = Pipeline.start(new Pipeline.Options(LodestoneConfig.bundled(),
                Set.of(Pipeline.Service.ANALYZE), null, data, 0, 0, 0, "test"))) {
            int port = pipeline.opsPort().orElseThrow();

            HttpResponse<String> health = get(port, "/health");
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"component\":\"kafka\",\"up\":true"), health.body());
            assertTrue(health.body().contains("\"component\":\"analyze\",\"up\":true"), health.body());

            HttpResponse<String> metrics = get(port, "/metrics");
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("lodestone_analyze_articles_total"), metrics.body());
            assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM metrics are exported too");
        }
    }
}
