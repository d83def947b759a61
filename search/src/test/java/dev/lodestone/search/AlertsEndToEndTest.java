package dev.lodestone.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Alert;
import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.FeedState;
import dev.lodestone.core.Json;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import dev.lodestone.search.alert.AlertService;
import dev.lodestone.search.alert.TestBroker;
import dev.lodestone.search.alert.WebhookReceiver;
import dev.lodestone.search.alert.deliver.WebhookMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts through the whole search service on a real broker: rules saved through the HTTP API, tagged articles
 * published as analyze publishes them, alerts out through a webhook, {@code /api/alerts} and the Atom feed.
 */
class AlertsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String LOOPBACK = "127.0.0.1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static TestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = TestBroker.start(dir.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aStoryRunByTwoOutletsIsDeliveredOnceAndARestartDeliversNothingAgain() throws Exception {
        Path index = dir.resolve("index-story");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String ruleId;
            TaggedArticle first = article("https://www.dawn.com/news/1950001", "dawn.com",
                    "Pasni terminal talks resume", List.of("pasni"));
            TaggedArticle copy = StoryArticles.copy(first, "tribune.com.pk", 20);
            try (SearchService service = start(index)) {
                HttpResponse<String> created = send(service, "POST", "/api/alert-rules", """
                        {"name": "Pasni terminal", "query": "terminal", "filters": {"entity": "pasni"},
                         "targets": [{"type": "webhook", "url": "%s", "secret": "s3cret"}]}
                        """.formatted(receiver.url()));
                assertEquals(201, created.statusCode(), created.body());
                ruleId = json(created).get("id").asText();

                TestKafka.publish(broker.bootstrapServers(), List.of(first, copy));

                Eventually.await("the copy joined the alert", WAIT, () -> outletsOf(service, ruleId).size() == 2);
                Eventually.await("the alert is delivered", WAIT, () -> receiver.delivered().size() == 1);
                assertEquals(List.of("dawn.com", "tribune.com.pk"), outletsOf(service, ruleId));
                String feed = send(service, "GET", "/alerts/" + ruleId + ".atom", null).body();
                assertTrue(feed.contains("<title>Pasni terminal talks resume</title>"), feed);
            }
            try (SearchService restarted = start(index)) {
                Eventually.await("the alerts are read again", WAIT, () -> outletsOf(restarted, ruleId).size() == 2);
                Thread.sleep(1000);
            }

            assertEquals(List.of(ruleId + ":" + first.storyId() + "/new"), receiver.delivered());
            WebhookReceiver.Request request = receiver.requests().get(0);
            assertEquals("sha256=" + WebhookMessage.hmacSha256Hex("s3cret", request.body()), request.signature());
        }
    }

    @Test
    void aMalformedRuleIsRefusedWithTheQueryErrorAndWhereItIs() throws Exception {
        try (SearchService service = start(dir.resolve("index-malformed"))) {
            HttpResponse<String> refused = send(service, "POST", "/api/alert-rules",
                    "{\"id\": \"broken\", \"query\": \"antimony AND (\"}");

            assertEquals(400, refused.statusCode());
            String error = json(refused).get("error").asText();
            assertTrue(error.startsWith("rule broken: ") && error.contains("column"), error);
            assertEquals(404, send(service, "GET", "/api/alert-rules/broken", null).statusCode());
        }
    }

    @Test
    void theShippedRulesArePublishedOnceAndADeletedOneStaysDeleted() throws Exception {
        Path index = dir.resolve("index-defaults");
        try (SearchService service = start(index)) {
            Eventually.await("the shipped rules are read", WAIT, () -> ruleIds(service).contains("pasni-port"));
            assertEquals(204, send(service, "DELETE", "/api/alert-rules/pasni-port", null).statusCode());
            assertEquals(404, send(service, "GET", "/api/alert-rules/pasni-port", null).statusCode());
        }
        try (SearchService restarted = start(index)) {
            Eventually.await("the rules are read again", WAIT,
                    () -> ruleIds(restarted).contains("coverage-of-the-deal"));
            assertTrue(!ruleIds(restarted).contains("pasni-port"), ruleIds(restarted).toString());
        }
    }

    @Test
    void aRuleReplacedThroughTheApiMatchesTheNextArticleByItsNewQuery() throws Exception {
        try (SearchService service = start(dir.resolve("index-edit"))) {
            assertEquals(201, send(service, "POST", "/api/alert-rules",
                    "{\"id\": \"watch\", \"name\": \"Watch\", \"query\": \"cobalt\"}").statusCode());
            assertEquals(200, send(service, "PUT", "/api/alert-rules/watch",
                    "{\"name\": \"Watch\", \"query\": \"lithium\"}").statusCode());

            TestKafka.publish(broker.bootstrapServers(), List.of(
                    article("https://a.example/cobalt", "a.example", "Cobalt plans", List.of()),
                    article("https://a.example/lithium", "a.example", "Lithium plans", List.of())));

            Eventually.await("the lithium article alerts", WAIT, () -> alertTitles(service, "watch").size() == 1);
            Thread.sleep(500);
            assertEquals(List.of("Lithium plans"), alertTitles(service, "watch"));
        }
    }

    @Test
    void aPreviewCountsTheLastWeekAndMonthWithSamples() throws Exception {
        try (SearchService service = start(dir.resolve("index-preview"))) {
            Instant now = Instant.now();
            TestKafka.publish(broker.bootstrapServers(), List.of(
                    StoryArticles.tagged("https://p.example/1", "p.example", "Praseodymium prices", "Praseodymium.",
                            now.minus(Duration.ofDays(2)), List.of()),
                    StoryArticles.tagged("https://p.example/2", "p.example", "Praseodymium output", "Praseodymium.",
                            now.minus(Duration.ofDays(20)), List.of()),
                    StoryArticles.tagged("https://p.example/3", "p.example", "Praseodymium history", "Praseodymium.",
                            now.minus(Duration.ofDays(90)), List.of())));
            Eventually.await("the articles are indexed", WAIT, () -> service.indexedCount() >= 3);

            JsonNode preview = json(send(service, "POST", "/api/alert-rules/preview", "{\"query\": \"praseodymium\"}"));

            assertEquals(1, preview.get("lastWeek").asLong());
            assertEquals(2, preview.get("lastMonth").asLong());
            assertEquals("Praseodymium prices", preview.get("samples").get(0).get("title").asText());
        }
    }

    @Test
    void aFeedFailingLongerThanTheThresholdTellsTheOwnersOfRulesOnce() throws Exception {
        try (SearchService service = start(dir.resolve("index-gaps"))) {
            assertEquals(201, send(service, "POST", "/api/alert-rules",
                    "{\"id\": \"owned\", \"query\": \"gwadar\", \"owners\": [\"desk@example.org\"]}").statusCode());
            Instant now = Instant.now();
            FeedState failing = new FeedState(FeedState.SCHEMA, "https://broken.example/rss", FeedState.FEED,
                    "Broken Times", now.minus(Duration.ofHours(3)), now, "HTTP 503", 12, 503, 40, 10, now);
            broker.publish(Topics.FEEDS, failing.url(), failing);
            broker.publish(Topics.FEEDS, failing.url(), failing);

            Eventually.await("the owners are told of the gap", WAIT, () -> !alertTitles(service, "owned").isEmpty());
            Thread.sleep(500);
            List<String> titles = alertTitles(service, "owned");
            assertEquals(1, titles.size(), titles.toString());
            assertTrue(titles.get(0).startsWith("Coverage gap: no news from Broken Times"), titles.get(0));
        }
    }

    @Test
    void twoReplicasPublishAGapOnce() throws Exception {
        // A broker of its own: the failing feed would otherwise reach the rule owners of the other tests.
        try (TestBroker own = TestBroker.start(dir.resolve("kafka-replicas"));
                SearchService one = start(own, dir.resolve("index-replica-1"));
                SearchService two = start(own, dir.resolve("index-replica-2"))) {
            assertEquals(201, send(one, "POST", "/api/alert-rules",
                    "{\"id\": \"watched\", \"query\": \"pasni\", \"owners\": [\"desk@example.org\"]}").statusCode());
            Instant now = Instant.now();
            FeedState failing = new FeedState(FeedState.SCHEMA, "https://silent.example/rss", FeedState.FEED,
                    "Silent Post", now.minus(Duration.ofHours(3)), now, "HTTP 503", 12, 503, 40, 10, now);
            own.publish(Topics.FEEDS, failing.url(), failing);

            Eventually.await("both replicas show the gap", WAIT,
                    () -> !alertTitles(one, "watched").isEmpty() && !alertTitles(two, "watched").isEmpty());
            Thread.sleep(1000);

            List<Alert> published = own.readAll(Topics.ALERTS, Alert.class).stream()
                    .filter(alert -> alert.ruleId().equals("watched") && alert.kind().equals("gap")).toList();
            assertEquals(1, published.size(), published.toString());
        }
    }

    private static SearchService start(Path index) {
        return start(broker, index);
    }

    private static SearchService start(TestBroker broker, Path index) {
        SearchService service = new SearchService(index, broker.bootstrapServers(), LOOPBACK, 0, null,
                "test-" + index.getFileName(), AlertService.Settings.defaults());
        service.start();
        return service;
    }

    private static TaggedArticle article(String url, String source, String title, List<String> entities) {
        return StoryArticles.tagged(url, source, title, title + ". The terminal at Pasni was discussed.",
                Instant.parse("2025-10-08T10:00:00Z"), entities);
    }

    private static List<String> outletsOf(SearchService service, String ruleId) throws Exception {
        List<String> outlets = new ArrayList<>();
        for (JsonNode received : json(send(service, "GET", "/api/alerts?rule=" + ruleId, null)).get("alerts")) {
            outlets.clear();
            received.get("alert").get("outlets").forEach(outlet -> outlets.add(outlet.asText()));
        }
        return outlets;
    }

    private static List<String> alertTitles(SearchService service, String ruleId) throws Exception {
        List<String> titles = new ArrayList<>();
        json(send(service, "GET", "/api/alerts?rule=" + ruleId, null)).get("alerts")
                .forEach(received -> titles.add(received.get("alert").get("title").asText()));
        return titles;
    }

    private static Set<String> ruleIds(SearchService service) throws Exception {
        Set<String> ids = new TreeSet<>();
        json(send(service, "GET", "/api/alert-rules", null)).get("rules").forEach(rule -> ids.add(rule.get("id").asText()));
        return ids;
    }

    private static HttpResponse<String> send(SearchService service, String method, String path, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + service.port() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        JsonNode json = Json.MAPPER.readTree(response.body());
        assertNotNull(json, response.body());
        return json;
    }
}
