package dev.lodestone.search.alert;

import static dev.lodestone.search.alert.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import dev.lodestone.core.Topics;
import dev.lodestone.search.alert.decide.AlertDecisionService;
import dev.lodestone.search.alert.match.RuleMatch;
import dev.lodestone.search.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of a story that reach the deciding service together, as they do when it is behind, are published as
 * one alert rather than once per copy, and a new alert joined by its copies is still new.
 */
class StoryCopiesInOneBatchTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2025-10-08T10:05:00Z");

    @Test
    void aStoryAndItsCopiesDecidedInOneBatchArePublishedAsOneNewAlert(@TempDir Path dir) throws Exception {
        AlertRule rule = new AlertRule(AlertRule.SCHEMA, "pasni", "Pasni", "Pasni", Map.of(), AlertRule.REALTIME, 0,
                true, List.of(), List.of(), null, null);
        try (TestBroker broker = TestBroker.start(dir)) {
            broker.publish(Topics.ALERT_RULES, rule.id(), rule);
            for (String outlet : List.of("dawn.com", "tribune.com.pk", "thenews.com.pk")) {
                RuleMatch match = RuleMatch.of(rule, article("https://" + outlet + "/pasni", outlet, "Pasni port",
                        "Pasni.", "story-pasni", List.of("pasni")), List.of("pasni"), NOW);
                broker.publish(Topics.ALERT_MATCHES, match.key(), match);
            }
            AlertRuleReader rules = new AlertRuleReader(broker.bootstrapServers(), "batch-test-rules");
            rules.start();
            try (rules; AlertDecisionService decisions = new AlertDecisionService(broker.bootstrapServers(), "test",
                    rules, Clock.systemUTC())) {
                decisions.start();
                Eventually.await("the story is alerted", WAIT, () -> !broker.readAll(Topics.ALERTS, Alert.class).isEmpty());
                Thread.sleep(500);

                List<Alert> alerts = broker.readAll(Topics.ALERTS, Alert.class);
                assertEquals(1, alerts.size(), "one record for the three matches: " + alerts);
                assertEquals("new", alerts.get(0).kind());
                assertEquals(List.of("dawn.com", "tribune.com.pk", "thenews.com.pk"), alerts.get(0).outlets());
            }
        }
    }
}
