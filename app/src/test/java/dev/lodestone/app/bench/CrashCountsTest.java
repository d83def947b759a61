package dev.lodestone.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the crash benchmark tells lost and duplicated articles and alerts from what arrived. */
class CrashCountsTest {
    private static final Set<String> OWED = Set.of(CrashBenchmark.Alerts.owed("every", "a1"),
            CrashBenchmark.Alerts.owed("every", "a2"), CrashBenchmark.Alerts.owed("third", "a1"));

    @Test
    void everyOwedAlertPostedOnceIsClean() {
        CrashBenchmark.Alerts alerts = CrashBenchmark.Alerts.count(OWED, List.of(
                post("every:a1/new", "every", "a1"), post("every:a2/new", "every", "a2"),
                post("third:a1/new", "third", "a1")));

        assertEquals(new CrashBenchmark.Alerts(3, 3, 0, 0, 0, 0), alerts);
    }

    @Test
    void anOwedAlertNeverPostedIsLost() {
        CrashBenchmark.Alerts alerts = CrashBenchmark.Alerts.count(OWED, List.of(
                post("every:a1/new", "every", "a1"), post("third:a1/new", "third", "a1")));

        assertEquals(1, alerts.lost());
    }

    @Test
    void anAlertPostedTwiceUnderOneKeyIsAResendNotADuplicate() {
        CrashBenchmark.Alerts alerts = CrashBenchmark.Alerts.count(OWED, List.of(
                post("every:a1/new", "every", "a1"), post("every:a1/new", "every", "a1"),
                post("every:a2/new", "every", "a2"), post("third:a1/new", "third", "a1")));

        assertEquals(0, alerts.duplicated());
        assertEquals(1, alerts.resent());
    }

    @Test
    void oneArticleAlertedUnderTwoKeysIsADuplicate() {
        CrashBenchmark.Alerts alerts = CrashBenchmark.Alerts.count(OWED, List.of(
                post("every:a1/new", "every", "a1"), post("every:s9/new", "every", "a1"),
                post("every:a2/new", "every", "a2"), post("third:a1/new", "third", "a1")));

        assertEquals(1, alerts.duplicated());
    }

    @Test
    void anAlertForAnArticleTheRuleDoesNotMatchIsUnexpected() {
        CrashBenchmark.Alerts alerts = CrashBenchmark.Alerts.count(OWED, List.of(
                post("every:a1/new", "every", "a1"), post("every:a2/new", "every", "a2"),
                post("third:a1/new", "third", "a1"), post("third:a2/new", "third", "a2")));

        assertEquals(1, alerts.unexpected());
    }

    @Test
    void aPublishedArticleMissingFromTheIndexIsLost() {
        CrashBenchmark.Articles articles = CrashBenchmark.Articles.count(Set.of("a1", "a2"), Map.of("a1", 1));

        assertEquals(new CrashBenchmark.Articles(2, 1, 1, 0), articles);
    }

    @Test
    void documentsBeyondOnePerPublishedArticleAreDuplicates() {
        CrashBenchmark.Articles articles = CrashBenchmark.Articles.count(Set.of("a1", "a2"),
                Map.of("a1", 2, "a2", 1, "stray", 1));

        assertEquals(new CrashBenchmark.Articles(2, 4, 0, 2), articles);
    }

    private static WebhookReceiver.Delivery post(String key, String rule, String article) {
        return new WebhookReceiver.Delivery(key, "new", rule, article, List.of(article));
    }
}
