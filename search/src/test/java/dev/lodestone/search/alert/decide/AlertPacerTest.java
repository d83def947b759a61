package dev.lodestone.search.alert.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import dev.lodestone.search.alert.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertPacerTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2025-10-05T09:10:00Z"));
    private final AlertPacer pacer = new AlertPacer(clock);

    @Test
    void alertsOverTheHourlyLimitWaitInOrderForTheNextHour() {
        AlertRule rule = rule(AlertRule.REALTIME, 2);

        assertNull(pacer.offer(rule, alert("s1", "new")));
        assertNull(pacer.offer(rule, alert("s2", "new")));
        assertEquals(Alert.HELD, pacer.offer(rule, alert("s3", "new")));
        assertEquals(Alert.HELD, pacer.offer(rule, alert("s4", "updated")));
        assertEquals(Alert.HELD, pacer.offer(rule, alert("s5", "new")));
        assertEquals(List.of(), released(pacer.due()));

        clock.advance(Duration.ofMinutes(50));

        assertEquals(List.of("s3", "s4"), released(pacer.due()));
        assertEquals(Alert.HELD, pacer.offer(rule, alert("s6", "new")));
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of("s5", "s6"), released(pacer.due()));
    }

    @Test
    void copiesAreNotCountedAgainstTheLimit() {
        AlertRule rule = rule(AlertRule.REALTIME, 1);
        pacer.offer(rule, alert("s1", "new"));

        assertNull(pacer.offer(rule, alert("s1", "copy")));
        assertNull(pacer.offer(rule, alert("s1", "copy")));
    }

    @Test
    void aRuleWithoutALimitIsNeverHeld() {
        AlertRule rule = rule(AlertRule.REALTIME, 0);

        for (int i = 0; i < 100; i++) {
            assertNull(pacer.offer(rule, alert("s" + i, "new")));
        }
    }

    @Test
    void anHourlyRuleSendsOneDigestWhenTheHourCloses() {
        AlertRule rule = rule(AlertRule.HOURLY, 0);
        assertEquals(Alert.DIGEST_PENDING, pacer.offer(rule, alert("s1", "new")));
        assertEquals(Alert.DIGEST_PENDING, pacer.offer(rule, alert("s2", "new")));
        clock.advance(Duration.ofMinutes(49));
        assertTrue(pacer.due().isEmpty());

        clock.advance(Duration.ofMinutes(1));
        List<AlertPacer.Digest> due = pacer.due().digests();

        assertEquals(1, due.size());
        Alert digest = AlertPacer.digest(due.get(0).rule(), due.get(0).start(), due.get(0).alerts());
        assertEquals("digest", digest.kind());
        assertEquals("rule:digest:2025-10-05T09:00:00Z", digest.id());
        assertEquals("2 alerts for Rule", digest.title());
        assertEquals("• Story s1 <https://example.org/s1>\n• Story s2 <https://example.org/s2>", digest.snippet());
        assertEquals(List.of("a-s1", "a-s2"), digest.articleIds());
        assertTrue(pacer.due().isEmpty());
    }

    @Test
    void aDailyRuleSendsItsDigestAtMidnightUtc() {
        AlertRule rule = rule(AlertRule.DAILY, 0);
        pacer.offer(rule, alert("s1", "new"));
        clock.advance(Duration.ofHours(14));
        assertTrue(pacer.due().isEmpty());

        clock.advance(Duration.ofMinutes(50));

        assertEquals(List.of(Instant.parse("2025-10-05T00:00:00Z")),
                pacer.due().digests().stream().map(AlertPacer.Digest::start).toList());
    }

    @Test
    void aRestoredPacerHoldsWhatWasHeldAndCountsWhatWasPushedThisHour() {
        AlertRule rule = rule(AlertRule.REALTIME, 1);
        AlertPacer restarted = new AlertPacer(clock);
        restarted.restorePushed(rule, clock.instant().minusSeconds(60));
        restarted.restore(rule, alert("s2", "new").with("new", Alert.HELD).with(timeline(clock.instant())));

        assertEquals(Alert.HELD, restarted.offer(rule, alert("s3", "new")));
        assertEquals(List.of(), released(restarted.due()));
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of("s2"), released(restarted.due()));
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of("s3"), released(restarted.due()));
    }

    @Test
    void pushesOfAnEarlierHourDoNotCountAfterARestart() {
        AlertRule rule = rule(AlertRule.REALTIME, 1);
        AlertPacer restarted = new AlertPacer(clock);
        restarted.restorePushed(rule, clock.instant().minus(Duration.ofHours(1)));

        assertNull(restarted.offer(rule, alert("s1", "new")));
    }

    @Test
    void aRestoredPacerSendsThePendingDigestOfThePeriodItWasMatchedIn() {
        AlertRule rule = rule(AlertRule.HOURLY, 0);
        AlertPacer restarted = new AlertPacer(clock);
        restarted.restore(rule, alert("s1", "new").with("new", Alert.DIGEST_PENDING)
                .with(timeline(Instant.parse("2025-10-05T08:59:00Z"))));

        List<AlertPacer.Digest> due = restarted.due().digests();

        assertEquals(List.of(Instant.parse("2025-10-05T08:00:00Z")), due.stream().map(AlertPacer.Digest::start).toList());
        assertEquals(List.of("s1"), due.get(0).alerts().stream().map(Alert::storyId).toList());
    }

    private static Alert.Timeline timeline(Instant matched) {
        return new Alert.Timeline(null, null, null, matched, null);
    }

    private static List<String> released(AlertPacer.Due due) {
        return due.released().stream().map(Alert::storyId).toList();
    }

    private static AlertRule rule(String mode, int maxPerHour) {
        return new AlertRule(AlertRule.SCHEMA, "rule", "Rule", "minerals", Map.of(), mode, maxPerHour, true,
                List.of(), List.of(), null, null);
    }

    private static Alert alert(String story, String kind) {
        return new Alert(Alert.SCHEMA, "rule:" + story, kind, "rule", "Rule", story, "Story " + story,
                "https://example.org/" + story, "", List.of("a-" + story), List.of("dawn.com"), List.of(), null);
    }
}
