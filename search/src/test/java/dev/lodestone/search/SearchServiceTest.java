package dev.lodestone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.Json;
import dev.lodestone.core.PortInUseException;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.index.ArticleIndex;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchServiceTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(15);
    private static final String LOOPBACK = "127.0.0.1";

    @TempDir
    Path dir;

    @Test
    void aRestartedServiceKeepsItsArticlesAndIndexesOnlyNewOnes() throws Exception {
        Path index = dir.resolve("index");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            TestKafka.createTopics(kafka.bootstrapServers());
            TestKafka.publish(kafka.bootstrapServers(), articles(0, 6));
            try (SearchService first = new SearchService(index, kafka.bootstrapServers(), LOOPBACK, 0)) {
                first.start();
                Eventually.await("six articles are indexed", CATCH_UP, () -> first.indexedCount() == 6);
            }

            try (SearchService second = new SearchService(index, kafka.bootstrapServers(), LOOPBACK, 0)) {
                second.start();
                assertEquals(6, second.indexedCount(), "the committed articles are there before any is read");

                TestKafka.publish(kafka.bootstrapServers(), articles(6, 9));
                Eventually.await("the three new articles are indexed", CATCH_UP, () -> second.indexedCount() == 9);
                Thread.sleep(300);
                assertEquals(9, second.indexedCount());
            }
        }
    }

    @Test
    void theServiceIsHealthyWhileItsIndexerReadsAndNotOnceStopped() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            TestKafka.createTopics(kafka.bootstrapServers());
            SearchService service = new SearchService(dir.resolve("index"), kafka.bootstrapServers(), LOOPBACK, 0);
            assertFalse(service.health().up(), "not started yet");
            service.start();
            assertTrue(service.health().up(), service.health().detail());

            service.close();

            assertFalse(service.health().up());
        }
    }

    @Test
    void aTakenHttpPortIsReportedAsSuch() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                SearchService service = new SearchService(dir.resolve("index"), "127.0.0.1:9", LOOPBACK, taken.getLocalPort())) {
            PortInUseException e = assertThrows(PortInUseException.class, service::start);

            assertEquals("port " + taken.getLocalPort() + " for the web server is already in use", e.getMessage());
        }
    }

    @Test
    void aFailedStartLeavesTheIndexFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                SearchService failed = new SearchService(dir.resolve("index"), "127.0.0.1:9", LOOPBACK, taken.getLocalPort())) {
            assertThrows(PortInUseException.class, failed::start);
        }

        try (ArticleIndex index = ArticleIndex.open(dir.resolve("index"))) {
            assertEquals(0, index.count());
        }
    }

    @Test
    void aPublishedArticleIsFoundThroughTheHttpApi() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
                SearchService service = new SearchService(dir.resolve("index"), kafka.bootstrapServers(), LOOPBACK, 0)) {
            TestKafka.createTopics(kafka.bootstrapServers());
            service.start();
            TestKafka.publish(kafka.bootstrapServers(), List.of(StoryArticles.FIRST_SHIPMENT));
            Eventually.await("the article is indexed", CATCH_UP, () -> service.indexedCount() == 1);

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.port() + "/api/search?q=neodymium")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode());
            JsonNode json = Json.MAPPER.readTree(response.body());
            assertEquals(1, json.get("total").asLong());
            assertEquals(StoryArticles.FIRST_SHIPMENT.id(), json.get("hits").get(0).get("id").asText());
        }
    }

    private static List<TaggedArticle> articles(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> StoryArticles.tagged("https://news.example/pasni/" + i, "news.example",
                        "Pasni port report " + i, "Report " + i + " on the port at Pasni.",
                        Instant.parse("2025-10-01T00:00:00Z").plusSeconds(i), List.of("pasni")))
                .toList();
    }
}
