package dev.lodestone.search.alert.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import dev.lodestone.core.Json;
import dev.lodestone.core.Topics;
import dev.lodestone.search.Eventually;
import dev.lodestone.search.alert.TestBroker;
import dev.lodestone.search.alert.WebhookReceiver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "s3cret";
    private static TestBroker broker;

    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private WebhookReceiver receiver;
    private AlertRule rule;

    @BeforeAll
    static void startBroker(@TempDir Path dir) throws Exception {
        broker = TestBroker.start(dir);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
        rule = new AlertRule(AlertRule.SCHEMA, "deal-" + receiver.url().hashCode(), "Coverage of the deal", "about:true",
                Map.of(), AlertRule.REALTIME, 0, true,
                List.of(new AlertRule.DeliveryTarget("webhook", receiver.url(), SECRET)), List.of(), null, null);
    }

    @AfterEach
    void stop() throws Exception {
        for (WebhookDelivery delivery : deliveries) {
            delivery.close();
        }
        receiver.close();
    }

    @Test
    void anAlertArrivesAsSignedJsonWithATextAndAnIdempotencyKey() throws Exception {
        start();
        publish(alert("story-1", "new", 1));

        Eventually.await("the alert is delivered", WAIT, () -> receiver.delivered().size() == 1);

        WebhookReceiver.Request request = receiver.requests().get(0);
        assertEquals("sha256=" + WebhookMessage.hmacSha256Hex(SECRET, request.body()), request.signature());
        assertEquals(rule.id() + ":story-1/new", request.idempotencyKey());
        JsonNode body = Json.MAPPER.readTree(request.body());
        assertEquals("New · Coverage of the deal: Story story-1 rev 1 <https://dawn.com/story-1> (dawn.com) · why: fwo",
                body.get("text").asText());
        assertTrue(body.at("/alert/timeline/delivered").isTextual(), body.toString());
    }

    @Test
    void copiesAndAlertsOfOtherRulesAreNotSent() throws Exception {
        start();
        publish(alert("story-1", "new", 1));
        publish(alert("story-1", "copy", 1));
        Alert otherRule = new Alert(Alert.SCHEMA, "other:story-9", "new", "other", "Other", "story-9", "t", "u", "",
                List.of(), List.of(), List.of(), null);
        broker.publish(Topics.ALERTS, "other:story-9", otherRule);
        publish(alert("story-2", "new", 1));

        Eventually.await("two alerts are delivered", WAIT, () -> receiver.delivered().size() == 2);

        assertEquals(List.of(rule.id() + ":story-1/new", rule.id() + ":story-2/new"), receiver.delivered());
    }

    @Test
    void aNewTargetGetsTheAlertsPublishedSinceItsRuleWasSavedAndNoneBefore() throws Exception {
        publish(alert("story-0", "new", 1));
        Thread.sleep(20);
        Instant ruleSaved = Instant.now();
        publish(alert("story-1", "new", 1));

        start(rule.targets().get(0), ruleSaved);

        Eventually.await("the alert since the rule was saved is delivered", WAIT, () -> receiver.delivered().size() == 1);
        Thread.sleep(300);
        assertEquals(List.of(rule.id() + ":story-1/new"), receiver.delivered());
    }

    @Test
    void aRestartNeverReSendsADeliveredAlert() throws Exception {
        WebhookDelivery first = start();
        publish(alert("story-1", "new", 1));
        publish(alert("story-2", "new", 1));
        Eventually.await("two alerts are delivered", WAIT, () -> receiver.delivered().size() == 2);
        first.close();
        deliveries.remove(first);

        start();
        publish(alert("story-3", "new", 1));
        Eventually.await("the third alert is delivered", WAIT, () -> receiver.delivered().size() >= 3);
        Thread.sleep(300);

        assertEquals(List.of(rule.id() + ":story-1/new", rule.id() + ":story-2/new", rule.id() + ":story-3/new"),
                receiver.delivered());
    }

    @Test
    void anAlertNotYetDeliveredWhenDeliveryStopsIsDeliveredOnTheNextStart() throws Exception {
        receiver.answer(503);
        WebhookDelivery crashed = start();
        publish(alert("story-1", "new", 1));
        Eventually.await("delivery was tried", WAIT, () -> !receiver.requests().isEmpty());
        crashed.close();
        deliveries.remove(crashed);

        receiver.answer(200);
        start();

        Eventually.await("the pending alert is delivered", WAIT, () -> receiver.delivered().size() == 1);
        assertEquals(List.of(rule.id() + ":story-1/new"), receiver.delivered());
    }

    @Test
    void aTargetDownThenUpReceivesEveryAlertInOrder() throws Exception {
        receiver.answer(503);
        start();
        publish(alert("story-1", "new", 1));
        publish(alert("story-1", "updated", 2));
        publish(alert("story-1", "updated", 3));
        publish(alert("story-2", "new", 1));
        publish(alert("story-2", "updated", 2));
        Eventually.await("the target was tried several times", WAIT, () -> receiver.requests().size() >= 3);

        receiver.answer(200);

        Eventually.await("all five alerts are delivered", WAIT, () -> receiver.delivered().size() == 5);
        List<String> delivered = receiver.delivered();
        assertEquals(List.of(rule.id() + ":story-1/new", rule.id() + ":story-1:updated:2/updated",
                rule.id() + ":story-1:updated:3/updated"), ofStory(delivered, "story-1"));
        assertEquals(List.of(rule.id() + ":story-2/new", rule.id() + ":story-2:updated:2/updated"),
                ofStory(delivered, "story-2"));
    }

    @Test
    void aDeadTargetDoesNotHoldBackAnother() throws Exception {
        try (WebhookReceiver dead = new WebhookReceiver()) {
            dead.answer(500);
            rule = new AlertRule(AlertRule.SCHEMA, rule.id(), rule.name(), rule.query(), Map.of(), AlertRule.REALTIME,
                    0, true, List.of(new AlertRule.DeliveryTarget("webhook", dead.url(), null),
                    rule.targets().get(0)), List.of(), null, null);
            start(rule.targets().get(0));
            start(rule.targets().get(1));
            publish(alert("story-1", "new", 1));
            publish(alert("story-2", "new", 1));

            Eventually.await("the live target has both alerts", WAIT, () -> receiver.delivered().size() == 2);
            assertEquals(List.of(), dead.delivered());
        }
    }

    @Test
    void backoffDoublesUpToItsCeilingWithJitter() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), new Random(7));

        for (int attempt = 1; attempt <= 40; attempt++) {
            long ceiling = Math.min(100L << Math.min(attempt - 1, 30), 5000);
            long delay = backoff.delay(attempt).toMillis();
            assertTrue(delay >= ceiling / 2 && delay <= ceiling, "attempt " + attempt + ": " + delay);
        }
    }

    private static List<String> ofStory(List<String> keys, String story) {
        return keys.stream().filter(key -> key.contains(":" + story + "/") || key.contains(":" + story + ":")).toList();
    }

    private WebhookDelivery start() throws Exception {
        return start(rule.targets().get(0), Instant.now());
    }

    private WebhookDelivery start(AlertRule.DeliveryTarget target) throws Exception {
        return start(target, Instant.now());
    }

    private WebhookDelivery start(AlertRule.DeliveryTarget target, Instant startFrom) throws Exception {
        WebhookDelivery delivery = new WebhookDelivery(broker.bootstrapServers(), target,
                id -> id.equals(rule.id()) ? Optional.of(rule) : Optional.empty(),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), new Random(1)), Clock.systemUTC(),
                startFrom);
        deliveries.add(delivery);
        delivery.start();
        assertTrue(delivery.awaitReady(WAIT), "delivery got its partitions");
        return delivery;
    }

    private void publish(Alert alert) throws Exception {
        broker.publish(Topics.ALERTS, rule.id() + ":" + alert.storyId(), alert);
    }

    private Alert alert(String story, String kind, int revision) {
        String id = rule.id() + ":" + story + (kind.equals("updated") ? ":updated:" + revision : "");
        Instant published = Instant.parse("2025-10-05T09:30:00Z");
        return new Alert(Alert.SCHEMA, id, kind, rule.id(), rule.name(), story, "Story " + story + " rev " + revision,
                "https://dawn.com/" + story, "Lead", List.of("a-" + story), List.of("dawn.com"), List.of("fwo"),
                new Alert.Timeline(published, published, published, published, null));
    }
}
