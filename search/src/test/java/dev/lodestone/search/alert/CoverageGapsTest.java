package dev.lodestone.search.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import dev.lodestone.core.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageGapsTest {
    private static final Instant OK = Instant.parse("2025-10-05T08:00:00Z");
    private static final String FEED = "https://www.dawn.com/feeds/home";
    private static final List<AlertRule> RULES = List.of(
            rule("owned", List.of("desk@example.org")), rule("unowned", List.of()));

    private final CoverageGaps gaps = new CoverageGaps(CoverageGaps.DEFAULT_THRESHOLD);

    @Test
    void aFeedFailingForLessThanTheThresholdIsNoGap() {
        assertEquals(List.of(), gaps.update(failing(3, OK.plus(Duration.ofMinutes(50))), RULES, OK.plus(Duration.ofMinutes(50))));
    }

    @Test
    void aFeedFailingPastTheThresholdTellsTheOwnersOfRulesOnce() {
        gaps.update(failing(1, OK.plusSeconds(600)), RULES, OK.plusSeconds(600));

        List<Alert> gap = gaps.check(RULES, OK.plus(Duration.ofMinutes(61)));
        List<Alert> again = gaps.update(failing(9, OK.plus(Duration.ofMinutes(90))), RULES, OK.plus(Duration.ofMinutes(90)));

        assertEquals(1, gap.size());
        assertEquals("gap", gap.get(0).kind());
        assertEquals("owned", gap.get(0).ruleId());
        assertEquals("Coverage gap: no news from Dawn since 2025-10-05T08:00:00Z", gap.get(0).title());
        assertEquals("Last error: HTTP 503", gap.get(0).snippet());
        assertEquals(List.of(), again);
    }

    @Test
    void aRecoveredFeedClosesItsGapUnderTheSameId() {
        Alert gap = gaps.update(failing(5, OK.plus(Duration.ofHours(2))), RULES, OK.plus(Duration.ofHours(2))).get(0);
        Instant back = OK.plus(Duration.ofHours(3));

        List<Alert> closed = gaps.update(new FeedState(FeedState.SCHEMA, FEED, FeedState.FEED, "Dawn", back, back, null, 0, 200,
                10, 24, back.plusSeconds(300)), RULES, back);

        assertEquals(List.of("gap-closed"), closed.stream().map(Alert::kind).toList());
        assertEquals(gap.id(), closed.get(0).id());
    }

    private static FeedState failing(int failures, Instant lastAttempt) {
        return new FeedState(FeedState.SCHEMA, FEED, FeedState.FEED, "Dawn", OK, lastAttempt, "HTTP 503", failures,
                503, 10, 24, lastAttempt.plusSeconds(300));
    }

    private static AlertRule rule(String id, List<String> owners) {
        return new AlertRule(AlertRule.SCHEMA, id, id, "FWO", Map.of(), AlertRule.REALTIME, 0, false, List.of(),
                owners, null, null);
    }
}
