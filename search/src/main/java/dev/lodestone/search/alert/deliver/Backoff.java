package dev.lodestone.search.alert.deliver;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying a failed delivery again: doubling from {@code initial} up to {@code max},
 * each wait drawn between half and all of that ("equal jitter"), so that many alerts to one target that came
 * back do not all retry in the same instant, and a target down for hours is still tried every {@code max}.
 */
public record Backoff(Duration initial, Duration max, RandomGenerator random) {
    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The wait before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt) {
        long ceiling = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long capped = Math.min(ceiling <= 0 ? Long.MAX_VALUE : ceiling, max.toMillis());
        return Duration.ofMillis(capped / 2 + random.nextLong(capped / 2 + 1));
    }
}
