package dev.lodestone.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How long to wait before polling a feed again, so busy feeds are seen fast and dead ones cost their
 * servers (and ingest) little. Pure: the same evidence gives the same interval.
 *
 * <p>The publishing rate is read from the timestamps of the feed's most recent {@link #RECENT} items, over
 * the span from the oldest of them to now: a feed that published 20 items in the last two hours publishes
 * every 6 minutes; one whose 20 items span a year is dead whatever its old rhythm was. The interval is half
 * that mean gap, so a new item waits on average a quarter of a gap, within the bounds. A feed whose items
 * carry no dates gets {@link #UNDATED}. Failures back off exponentially from the minimum, so a broken
 * feed is retried soon once, then ever more rarely.
 *
 * @param min the shortest interval, however busy the feed
 * @param max the longest, however dead or broken
 */
public record PollSchedule(Duration min, Duration max) {
    public static final PollSchedule DEFAULT = new PollSchedule(Duration.ofMinutes(2), Duration.ofHours(6));
    static final int RECENT = 20;
    static final Duration UNDATED = Duration.ofMinutes(30);

    public PollSchedule {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("poll bounds must satisfy 0 < min <= max, got " + min + " and " + max);
        }
    }

    /** The interval after a successful poll that listed items published at these times. */
    public Duration afterSuccess(Collection<Instant> published, Instant now) {
        List<Instant> recent = published.stream().filter(Objects::nonNull).filter(time -> !time.isAfter(now))
                .sorted(Comparator.reverseOrder()).limit(RECENT).toList();
        if (recent.isEmpty()) {
            return clamp(UNDATED);
        }
        Duration span = Duration.between(recent.get(recent.size() - 1), now);
        return clamp(span.dividedBy(recent.size()).dividedBy(2));
    }

    /** The interval after the given number of failures in a row (at least 1): min doubled each time. */
    public Duration afterFailures(int consecutiveFailures) {
        int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
        return clamp(min.multipliedBy(1L << doublings));
    }

    /** Items per day over the same recent items, for the feed's health; 0 when none is dated. */
    public static double itemsPerDay(Collection<Instant> published, Instant now) {
        List<Instant> recent = published.stream().filter(Objects::nonNull).filter(time -> !time.isAfter(now))
                .sorted(Comparator.reverseOrder()).limit(RECENT).toList();
        if (recent.isEmpty()) {
            return 0;
        }
        long seconds = Math.max(60, Duration.between(recent.get(recent.size() - 1), now).toSeconds());
        return recent.size() * 86_400.0 / seconds;
    }

    private Duration clamp(Duration interval) {
        return interval.compareTo(min) < 0 ? min : interval.compareTo(max) > 0 ? max : interval;
    }
}
