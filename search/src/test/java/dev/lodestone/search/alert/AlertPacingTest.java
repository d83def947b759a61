package dev.lodestone.search.alert;

import static dev.lodestone.search.alert.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import dev.lodestone.search.Eventually;
import dev.lodestone.search.alert.decide.AlertDecisionService;
import dev.lodestone.search.alert.deliver.Backoff;
import dev.lodestone.search.alert.deliver.WebhookDelivery;
import dev.lodestone.search.alert.match.AlertMatcher;
import dev.lodestone.search.alert.match.AlertMatchingService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule's pace on a real broker: its hourly limit and its digests hold alerts back from webhooks, and what is
 * held survives a restart of the deciding service. The services run on a clock the test moves, so an hour
 * passes at once.
 */
class AlertPacingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final MovableClock clock = new MovableClock(Instant.parse("2025-10-05T09:10:00Z"));
    private TestBroker broker;
    private AlertRuleReader rules;
    private AlertMatcher matcher;
    private AlertMatchingService matching;
    private AlertDecisionService decisions;
    private WebhookReceiver receiver;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        broker = TestBroker.start(dir);
        receiver = new WebhookReceiver();
        rules = new AlertRuleReader(broker.bootstrapServers(), "pacing-test-rules");
        matcher = new AlertMatcher();
        matching = new AlertMatchingService(broker.bootstrapServers(), "test", rules, matcher, clock);
        rules.start();
        matching.start();
        decisions = startDecisions();
    }

    @AfterEach
    void stop() throws Exception {
        decisions.close();
        matching.close();
        rules.close();
        matcher.close();
        receiver.close();
        broker.close();
    }

    @Test
    void alertsOverTheHourlyLimitAreHeldThroughARestartAndSentInTheNextHour() throws Exception {
        AlertRule rule = rule("limited", AlertRule.REALTIME, 1);
        saveRule(rule);
        try (WebhookDelivery delivery = delivery(rule)) {
            publish(story("s1"));
            publish(story("s2"));
            Eventually.await("the second story is held", WAIT, () -> pacingOf("limited:s2").equals(List.of(Alert.HELD)));
            Eventually.await("the first story is delivered", WAIT,
                    () -> receiver.delivered().equals(List.of("limited:s1/new")));

            decisions.close();
            decisions = startDecisions();
            publish(story("s3"));
            Eventually.await("the restarted service holds the next story", WAIT,
                    () -> pacingOf("limited:s3").equals(List.of(Alert.HELD)));
            Thread.sleep(500);
            assertEquals(List.of(Alert.HELD), pacingOf("limited:s2"), "the hour's push before the restart still counts");

            clock.advance(Duration.ofHours(1));

            Eventually.await("the held story is released", WAIT,
                    () -> receiver.delivered().equals(List.of("limited:s1/new", "limited:s2/new")));
            assertEquals(List.of(Alert.HELD, "released"), pacingOf("limited:s2"));
        }
    }

    @Test
    void anHourlyRuleDeliversOneDigestInsteadOfEachAlert() throws Exception {
        AlertRule rule = rule("hourly", AlertRule.HOURLY, 0);
        saveRule(rule);
        try (WebhookDelivery delivery = delivery(rule)) {
            publish(story("s1"));
            publish(story("s2"));
            Eventually.await("both stories wait for the digest", WAIT,
                    () -> pacingOf("hourly:s1").size() == 1 && pacingOf("hourly:s2").size() == 1);

            clock.advance(Duration.ofHours(1));

            String digest = "hourly:digest:2025-10-05T09:00:00Z";
            Eventually.await("the digest is delivered", WAIT, () -> receiver.delivered().equals(List.of(digest + "/digest")));
            assertEquals(List.of(Alert.DIGEST_PENDING, Alert.DIGESTED), pacingOf("hourly:s1"));
            Alert sent = alerts().stream().filter(alert -> alert.id().equals(digest)).findFirst().orElseThrow();
            assertEquals("2 alerts for Rule hourly", sent.title());
            Thread.sleep(500);
            assertEquals(List.of(digest + "/digest"), receiver.delivered(), "no alert of the digest is sent alone");
        }
    }

    private AlertDecisionService startDecisions() {
        AlertDecisionService started = new AlertDecisionService(broker.bootstrapServers(), "test", rules, clock);
        started.start();
        return started;
    }

    private AlertRule rule(String id, String mode, int maxPerHour) {
        return new AlertRule(AlertRule.SCHEMA, id, "Rule " + id, "antimony", Map.of(), mode, maxPerHour, true,
                List.of(new AlertRule.DeliveryTarget("webhook", receiver.url(), "secret")), List.of(), null, null);
    }

    private static TaggedArticle story(String storyId) {
        return article("https://a.pk/" + storyId, "a.pk", "Antimony story " + storyId, "Antimony ships.", storyId,
                List.of());
    }

    private void saveRule(AlertRule rule) throws Exception {
        broker.publish(Topics.ALERT_RULES, rule.id(), rule);
        Eventually.await("rule " + rule.id() + " is active", WAIT, () -> matcher.rules().contains(rule));
    }

    private void publish(TaggedArticle article) throws Exception {
        broker.publish(Topics.TAGGED, article.id(), article);
    }

    private List<Alert> alerts() {
        return broker.readAll(Topics.ALERTS, Alert.class);
    }

    /** The pacing of every version of one alert on the topic, oldest first; "released" for none. */
    private List<String> pacingOf(String alertId) {
        return alerts().stream().filter(alert -> alert.id().equals(alertId))
                .map(alert -> alert.pacing() == null ? "released" : alert.pacing()).toList();
    }

    private WebhookDelivery delivery(AlertRule rule) throws Exception {
        WebhookDelivery delivery = new WebhookDelivery(broker.bootstrapServers(), rule.targets().get(0), rules::rule,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), new Random(1)), clock,
                clock.instant().minusSeconds(60));
        delivery.start();
        assertTrue(delivery.awaitReady(WAIT), "delivery got its partitions");
        return delivery;
    }
}
