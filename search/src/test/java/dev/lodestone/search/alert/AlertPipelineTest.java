package dev.lodestone.search.alert;

import static dev.lodestone.search.alert.Fixtures.article;
import static dev.lodestone.search.alert.Fixtures.dawnMou;
import static dev.lodestone.search.alert.Fixtures.revision;
import static dev.lodestone.search.alert.Fixtures.tribuneMou;
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
import dev.lodestone.search.alert.match.RuleMatch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert services together on a real broker: rules in, tagged articles in, alerts and webhooks out. */
class AlertPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestBroker broker;
    private static AlertRuleReader rules;
    private static AlertMatcher matcher;
    private static AlertMatchingService matching;
    private static AlertDecisionService decisions;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        broker = TestBroker.start(dir);
        rules = new AlertRuleReader(broker.bootstrapServers(), "alert-test-rules");
        matcher = new AlertMatcher();
        matching = new AlertMatchingService(broker.bootstrapServers(), "test", rules, matcher, Clock.systemUTC());
        decisions = new AlertDecisionService(broker.bootstrapServers(), "test", rules, Clock.systemUTC());
        rules.start();
        matching.start();
        decisions.start();
    }

    @AfterAll
    static void stop() throws Exception {
        matching.close();
        decisions.close();
        rules.close();
        matcher.close();
        broker.close();
    }

    @Test
    void copiesOfAStoryFromOtherOutletsJoinOneAlertThatIsDeliveredOnce() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            AlertRule rule = rule("mou", "\"US Strategic Metals\"", receiver.url());
            saveRule(rule);
            try (WebhookDelivery delivery = delivery(rule)) {
                broker.publish(Topics.TAGGED, dawnMou().id(), dawnMou());
                broker.publish(Topics.TAGGED, tribuneMou().id(), tribuneMou());

                Eventually.await("the copy joined the alert", WAIT,
                        () -> !alertsOf(rule).isEmpty() && latest(alertsOf(rule)).outlets().size() == 2);
                Thread.sleep(300);
                List<Alert> alerts = alertsOf(rule);
                assertEquals("new", alerts.get(0).kind());
                assertEquals(List.of("dawn.com", "tribune.com.pk"), latest(alerts).outlets());
                assertEquals(List.of("mou:story-mou/new"), receiver.delivered());
            }
        }
    }

    @Test
    void aChangedTitleRaisesAnUpdatedAlertWhenTheRuleAsksForIt() throws Exception {
        AlertRule rule = rule("edits", "Gwadar", null);
        saveRule(rule);
        TaggedArticle first = article("https://www.dawn.com/news/1940100/gwadar", "dawn.com", "Gwadar port talks",
                "Officials discussed Gwadar.", "story-gwadar", List.of("gwadar"));
        TaggedArticle edited = revision(first.article().url(), "dawn.com", "Gwadar and Pasni port talks",
                "Officials discussed Gwadar.", "story-gwadar", List.of("gwadar"), 2);

        broker.publish(Topics.TAGGED, first.id(), first);
        broker.publish(Topics.TAGGED, first.id(), first);
        broker.publish(Topics.TAGGED, edited.id(), edited);

        Eventually.await("the update is published", WAIT, () -> alertsOf(rule).size() == 2);
        assertEquals(List.of("edits:story-gwadar", "edits:story-gwadar:updated:2"),
                alertsOf(rule).stream().map(Alert::id).toList());
    }

    @Test
    void aRuleEditedOrDeletedTakesEffectForTheNextArticle() throws Exception {
        saveRule(rule("watch", "Pasni", null));
        publishAndAwaitMatching(article("https://a.pk/1", "a.pk", "Pasni port", "Pasni.", "s-1", List.of()));

        saveRule(rule("watch", "Reko", null));
        publishAndAwaitMatching(article("https://a.pk/2", "a.pk", "Pasni again", "Pasni.", "s-2", List.of()));
        publishAndAwaitMatching(article("https://a.pk/3", "a.pk", "Reko Diq", "Reko Diq.", "s-3", List.of()));

        broker.publish(Topics.ALERT_RULES, "watch", null);
        Eventually.await("the rule is deleted", WAIT, () -> matcher.rules().stream().noneMatch(r -> r.id().equals("watch")));
        publishAndAwaitMatching(article("https://a.pk/4", "a.pk", "Reko Diq", "Reko Diq.", "s-4", List.of()));

        assertEquals(List.of("s-1", "s-3"), matchesOf("watch"));
    }

    @Test
    void aMalformedRuleIsRefusedAndTheOtherRulesStillMatch() throws Exception {
        broker.publish(Topics.ALERT_RULES, "broken", rule("broken", "antimony AND (", null));
        saveRule(rule("antimony", "antimony", null));

        publishAndAwaitMatching(article("https://b.pk/1", "b.pk", "Antimony ships", "Antimony.", "s-b1", List.of()));

        assertEquals(List.of("s-b1"), matchesOf("antimony"));
        assertTrue(matcher.rules().stream().noneMatch(r -> r.id().equals("broken")));
    }

    private static AlertRule rule(String id, String query, String webhook) {
        List<AlertRule.DeliveryTarget> targets = webhook == null ? List.of()
                : List.of(new AlertRule.DeliveryTarget("webhook", webhook, "secret"));
        return new AlertRule(AlertRule.SCHEMA, id, "Rule " + id, query, Map.of(), AlertRule.REALTIME, 0, true,
                targets, List.of(), null, null);
    }

    /** Publishes the rule and waits until the matcher has this version of it. */
    private static void saveRule(AlertRule rule) throws Exception {
        broker.publish(Topics.ALERT_RULES, rule.id(), rule);
        Eventually.await("rule " + rule.id() + " is active", WAIT, () -> matcher.rules().contains(rule));
    }

    /** Publishes the article and waits until matching has committed past it (a sentinel rule sees it). */
    private static void publishAndAwaitMatching(TaggedArticle article) throws Exception {
        saveRule(rule("sentinel", "*:*", null));
        broker.publish(Topics.TAGGED, article.id(), article);
        Eventually.await("article " + article.article().url() + " is matched", WAIT,
                () -> matchesOf("sentinel").contains(article.storyId()));
    }

    private static List<String> matchesOf(String ruleId) {
        return broker.readAll(Topics.ALERT_MATCHES, RuleMatch.class).stream()
                .filter(match -> match.rule().id().equals(ruleId))
                .map(match -> match.article().storyId())
                .toList();
    }

    private static List<Alert> alertsOf(AlertRule rule) {
        return broker.readAll(Topics.ALERTS, Alert.class).stream()
                .filter(alert -> rule.id().equals(alert.ruleId()))
                .toList();
    }

    private static Alert latest(List<Alert> alerts) {
        return alerts.get(alerts.size() - 1);
    }

    private static WebhookDelivery delivery(AlertRule rule) throws Exception {
        WebhookDelivery delivery = new WebhookDelivery(broker.bootstrapServers(), rule.targets().get(0), rules::rule,
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), new Random(1)), Clock.systemUTC(),
                Instant.now());
        delivery.start();
        assertTrue(delivery.awaitReady(WAIT), "delivery got its partitions");
        return delivery;
    }
}
