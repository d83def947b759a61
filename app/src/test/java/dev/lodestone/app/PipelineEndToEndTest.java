package dev.lodestone.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Json;
import dev.lodestone.newswire.DemoNewswire;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The whole pipeline in one JVM, from the sample newswire's feeds to the search API: on the embedded broker,
 * and on a Kafka container where a Docker engine exists.
 */
class PipelineEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void aPublishedArticleBecomesSearchableWithItsTagsOnTheEmbeddedBroker() throws Exception {
        publishedArticlesBecomeSearchable(null);
    }

    @Test
    void aPublishedArticleBecomesSearchableWithItsTagsOnAKafkaContainer() throws Exception {
        assumeTrue(dockerAvailable(), "no Docker engine on this machine: the Kafka container variant is skipped");
        try (KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")) {
            kafka.start();
            publishedArticlesBecomeSearchable(kafka.getBootstrapServers());
        }
    }

    private void publishedArticlesBecomeSearchable(String bootstrapServers) throws Exception {
        try (DemoNewswire newswire = DemoNewswire.start(0, Duration.ZERO, 0);
             Pipeline pipeline = Pipeline.start(options(newswire, bootstrapServers))) {
            int port = pipeline.search().orElseThrow().port();
            while (newswire.releasedCount() < newswire.totalCount()) {
                newswire.releaseNext();
            }

            await(() -> total(port, "") == newswire.totalCount(), "every released article indexed");
            JsonNode antimony = search(port, "antimony");
            assertTrue(antimony.get("total").asInt() > 0, antimony.toString());
            JsonNode hit = antimony.get("hits").get(0);
            assertTrue(hit.get("entities").toString().contains("\"antimony\""), hit.toString());
            assertTrue(hit.get("snippet").asText().contains("<mark>"), hit.toString());
        }
    }

    private Pipeline.Options options(DemoNewswire newswire, String bootstrapServers) {
        LodestoneConfig config = LodestoneConfig.bundled()
                .withFeeds(newswire.feedUrls())
                .withAllowLoopback(true)
                .withHostDelay(Duration.ZERO)
                .withPollInterval(Duration.ofMillis(300));
        return new Pipeline.Options(config, Pipeline.all(), bootstrapServers, data, 0, 0, 0, "test");
    }

    private JsonNode search(int port, String query) throws Exception {
        String url = "http://127.0.0.1:" + port + "/api/search?size=100&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return Json.MAPPER.readTree(response.body());
    }

    private int total(int port, String query) {
        try {
            return search(port, query).get("total").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
