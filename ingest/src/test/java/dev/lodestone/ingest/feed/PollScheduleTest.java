package dev.lodestone.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private static final Instant NOW = Instant.parse("2025-10-04T12:00:00Z");
    private static final PollSchedule SCHEDULE = PollSchedule.DEFAULT;

    /** {@code count} items, one every {@code gap}, the newest one {@code gap} ago. */
    private static List<Instant> itemsEvery(Duration gap, int count) {
        List<Instant> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            items.add(NOW.minus(gap.multipliedBy(i)));
        }
        return items;
    }

    @Test
    void aFeedPublishingEveryHourIsPolledEveryHalfHour() {
        assertEquals(Duration.ofMinutes(30), SCHEDULE.afterSuccess(itemsEvery(Duration.ofHours(1), 10), NOW));
    }

    @Test
    void aBusyFeedIsPolledAtTheMinimumInterval() {
        assertEquals(Duration.ofMinutes(2), SCHEDULE.afterSuccess(itemsEvery(Duration.ofMinutes(1), 20), NOW));
    }

    @Test
    void aDeadFeedIsPolledAtTheMaximumInterval() {
        List<Instant> lastYear = itemsEvery(Duration.ofHours(1), 20).stream().map(t -> t.minus(Duration.ofDays(365))).toList();

        assertEquals(Duration.ofHours(6), SCHEDULE.afterSuccess(lastYear, NOW));
    }

    @Test
    void onlyTheMostRecentItemsCount() {
        List<Instant> items = new ArrayList<>(itemsEvery(Duration.ofHours(1), 20));
        items.add(NOW.minus(Duration.ofDays(900)));

        assertEquals(Duration.ofMinutes(30), SCHEDULE.afterSuccess(items, NOW));
    }

    @Test
    void aFeedWithoutDatesIsPolledAtTheUndatedInterval() {
        assertEquals(PollSchedule.UNDATED, SCHEDULE.afterSuccess(List.of(), NOW));
    }

    @Test
    void itemsDatedInTheFutureAreIgnored() {
        assertEquals(PollSchedule.UNDATED, SCHEDULE.afterSuccess(List.of(NOW.plus(Duration.ofDays(1))), NOW));
    }

    @Test
    void failuresBackOffExponentiallyFromTheMinimumUpToTheMaximum() {
        assertEquals(List.of(Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofHours(6)),
                List.of(SCHEDULE.afterFailures(1), SCHEDULE.afterFailures(2), SCHEDULE.afterFailures(3),
                        SCHEDULE.afterFailures(100)));
    }

    @Test
    void configuredBoundsAreRespected() {
        PollSchedule tight = new PollSchedule(Duration.ofMinutes(10), Duration.ofMinutes(20));

        assertEquals(Duration.ofMinutes(10), tight.afterSuccess(itemsEvery(Duration.ofMinutes(1), 20), NOW));
        assertEquals(Duration.ofMinutes(20), tight.afterSuccess(itemsEvery(Duration.ofDays(1), 20), NOW));
    }

    @Test
    void boundsOutOfOrderAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PollSchedule(Duration.ofHours(1), Duration.ofMinutes(1)));
    }

    @Test
    void itemsPerDayCountsTheRecentItemsOverTheirSpan() {
        assertEquals(24.0, PollSchedule.itemsPerDay(itemsEvery(Duration.ofHours(1), 10), NOW), 1e-9);
    }
}
