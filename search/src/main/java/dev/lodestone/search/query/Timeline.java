package dev.lodestone.search.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage over time: how many matching articles were published in each day or hour, overall and for
 * the entities most mentioned in them. Every series covers the same buckets, empty ones included, so a
 * chart can draw them side by side.
 *
 * @param start    the first bucket's start; null when nothing matched
 * @param overall  articles per bucket
 * @param entities articles per bucket mentioning each entity, most mentioned first
 */
public record Timeline(Interval interval, Instant start, List<Long> overall, Map<String, List<Long>> entities) {

    public Timeline {
        overall = List.copyOf(overall);
        entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    }

    /** The width of a bucket. */
    public enum Interval {
        DAY(Duration.ofDays(1)), HOUR(Duration.ofHours(1));

        private final Duration length;

        Interval(Duration length) {
            this.length = length;
        }

        public long millis() {
            return length.toMillis();
        }

        /** The interval named {@code name} in any case, e.g. {@code day}. */
        public static Interval named(String name) {
            for (Interval interval : values()) {
                if (interval.name().equalsIgnoreCase(name)) {
                    return interval;
                }
            }
            throw new InvalidQueryException("interval must be day or hour, not '" + name + "'", null);
        }
    }
}
