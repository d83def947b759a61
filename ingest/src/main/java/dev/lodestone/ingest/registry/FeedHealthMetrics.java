package dev.lodestone.ingest.registry;

import dev.lodestone.core.FeedState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The health of the feeds this instance polls, as gauges for {@code /metrics}: {@value #FEEDS} counts them by
 * {@code state}, and per {@code feed} (its URL: a watch-list has tens to hundreds) {@value #FAILURES} says how
 * many polls failed in a row and {@value #SINCE_SUCCESS} how long ago the last success was (no series for a
 * feed that never succeeded). Each instance reports only its share of the registry, so summing over
 * instances counts every feed once.
 *
 * <p>Fed with each feed's state after every poll, and with the state it came with when this instance took it
 * over; forgotten when the feed leaves this instance. Thread-safe: the polls of different feeds report at once.
 */
public final class FeedHealthMetrics implements AutoCloseable {
    public static final String FEEDS = "lodestone.ingest.feeds";
    public static final String FAILURES = "lodestone.ingest.feed.failures";
    public static final String SINCE_SUCCESS = "lodestone.ingest.feed.since.success";
    /** Failing with no success for this long (or ever) makes a feed dead: someone should look at it. */
    public static final Duration DEAD_AFTER = Duration.ofDays(1);

    /** What a feed's last polls say of it. */
    public enum State {
        /** Its last poll succeeded, or it has not been polled yet. */
        HEALTHY,
        /** Its last poll failed, but one succeeded within {@link #DEAD_AFTER}. */
        FAILING,
        /** Failing, with no success within {@link #DEAD_AFTER}, or none ever. */
        DEAD;

        public static State of(FeedState feed, Instant now) {
            if (feed.consecutiveFailures() == 0) {
                return HEALTHY;
            }
            boolean recentSuccess = feed.lastSuccess() != null && feed.lastSuccess().isAfter(now.minus(DEAD_AFTER));
            return recentSuccess ? FAILING : DEAD;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, FeedState> latest = new ConcurrentHashMap<>();
    private final List<Gauge> byState = new ArrayList<>();
    private final MultiGauge failures;
    private final MultiGauge sinceSuccess;

    public FeedHealthMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (State state : State.values()) {
            byState.add(Gauge.builder(FEEDS, this, metrics -> metrics.count(state))
                    .description("Feeds polled by this instance, by health")
                    .tag("state", state.label())
                    .strongReference(true)
                    .register(registry));
        }
        this.failures = MultiGauge.builder(FAILURES).description("Polls of the feed failed in a row").register(registry);
        this.sinceSuccess = MultiGauge.builder(SINCE_SUCCESS).description("Time since the feed was last polled successfully")
                .baseUnit("seconds").register(registry);
    }

    /** The feed's latest state: after a poll here, or as it was when this instance took the feed over. */
    public void record(FeedState feed) {
        latest.put(feed.url(), feed);
        publishPerFeed();
    }

    /** The feeds no longer polled here. */
    public void forget(Collection<String> urls) {
        latest.keySet().removeAll(urls);
        publishPerFeed();
    }

    int count(State state) {
        Instant now = clock.instant();
        return (int) latest.values().stream().filter(feed -> State.of(feed, now) == state).count();
    }

    /** Replaces the per-feed rows; serialised, so a slower caller cannot publish an older view over a newer one. */
    private synchronized void publishPerFeed() {
        List<MultiGauge.Row<?>> failureRows = new ArrayList<>();
        List<MultiGauge.Row<?>> sinceRows = new ArrayList<>();
        for (FeedState feed : latest.values()) {
            Tags tags = Tags.of("feed", feed.url());
            failureRows.add(MultiGauge.Row.of(tags, feed.consecutiveFailures()));
            if (feed.lastSuccess() != null) {
                Instant success = feed.lastSuccess();
                sinceRows.add(MultiGauge.Row.of(tags, () -> Duration.between(success, clock.instant()).toMillis() / 1000.0));
            }
        }
        failures.register(failureRows, true);
        sinceSuccess.register(sinceRows, true);
    }

    /** Removes every series, so that a stopped service reports no feeds rather than stale ones. */
    @Override
    public synchronized void close() {
        failures.register(List.of(), true);
        sinceSuccess.register(List.of(), true);
        byState.forEach(registry::remove);
    }
}
