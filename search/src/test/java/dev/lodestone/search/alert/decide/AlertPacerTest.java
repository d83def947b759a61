package dev.lodestone.search.alert.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertPacerTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2025-10-05T09:10:00Z"));
    private final AlertPacer pacer = new AlertPacer(clock);

    @Test
    void alertsOverTheHourlyLimitWaitInOrderForTheNextHour() {
        AlertRule rule = rule(AlertRule.REALTIME, 2);

        assertEquals(List.of("s1"), stories(pacer.offer(rule, alert("s1", "new"))));
        assertEquals(List.of("s2"), stories(pacer.offer(rule, alert("s2", "new"))));
        assertEquals(List.of(), stories(pacer.offer(rule, alert("s3", "new"))));
        assertEquals(List.of(), stories(pacer.offer(rule, alert("s4", "updated"))));
        assertEquals(List.of(), stories(pacer.offer(rule, alert("s5", "new"))));
        assertEquals(List.of(), stories(pacer.due()));

        clock.advance(Duration.ofMinutes(50));

        assertEquals(List.of("s3", "s4"), stories(pacer.due()));
        assertEquals(List.of(), stories(pacer.offer(rule, alert("s6", "new"))));
        clock.advance(Duration.ofHours(1));
        assertEquals(List.of("s5", "s6"), stories(pacer.due()));
    }

    @Test
    void copiesAreNotCountedAgainstTheLimit() {
        AlertRule rule = rule(AlertRule.REALTIME, 1);
        pacer.offer(rule, alert("s1", "new"));

        assertEquals(List.of("s1"), stories(pacer.offer(rule, alert("s1", "copy"))));
    }

    @Test
    void anHourlyRuleSendsOneDigestWhenTheHourCloses() {
        AlertRule rule = rule(AlertRule.HOURLY, 0);
        pacer.offer(rule, alert("s1", "new"));
        pacer.offer(rule, alert("s2", "new"));
        clock.advance(Duration.ofMinutes(49));
        assertEquals(List.of(), pacer.due());

        clock.advance(Duration.ofMinutes(1));
        List<Alert> due = pacer.due();

        assertEquals(1, due.size());
        Alert digest = due.get(0);
        assertEquals("digest", digest.kind());
        assertEquals("rule:digest:2025-10-05T09:00:00Z", digest.id());
        assertEquals("2 alerts for Rule", digest.title());
        assertEquals("• Story s1 <https://example.org/s1>\n• Story s2 <https://example.org/s2>", digest.snippet());
        assertEquals(List.of("a-s1", "a-s2"), digest.articleIds());
        assertEquals(List.of(), pacer.due());
    }

    @Test
    void aDailyRuleSendsItsDigestAtMidnightUtc() {
        AlertRule rule = rule(AlertRule.DAILY, 0);
        pacer.offer(rule, alert("s1", "new"));
        clock.advance(Duration.ofHours(14));
        assertEquals(List.of(), pacer.due());

        clock.advance(Duration.ofMinutes(50));

        assertEquals(List.of("rule:digest:2025-10-05T00:00:00Z"), pacer.due().stream().map(Alert::id).toList());
    }

    private static AlertRule rule(String mode, int maxPerHour) {
        return new AlertRule(AlertRule.SCHEMA, "rule", "Rule", "minerals", Map.of(), mode, maxPerHour, true,
                List.of(), List.of(), null, null);
    }

    private static Alert alert(String story, String kind) {
        return new Alert(Alert.SCHEMA, "rule:" + story, kind, "rule", "Rule", story, "Story " + story,
                "https://example.org/" + story, "", List.of("a-" + story), List.of("dawn.com"), List.of(), null);
    }

    private static List<String> stories(List<Alert> alerts) {
        return alerts.stream().map(Alert::storyId).toList();
    }

    /** A clock a test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
