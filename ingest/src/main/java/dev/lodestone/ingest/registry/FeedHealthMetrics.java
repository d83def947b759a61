package dev.lodestone.ingest.registry;

import dev.lodestone.core.FeedState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
    /** Each feed's own gauges, registered when it first reports and reading {@link #latest} from then on. */
    private final Map<String, List<Gauge>> perFeed = new HashMap<>();

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
    }

    /**
     * The feed's latest state: after a poll here, or as it was when this instance took the feed over. A feed's
     * gauges are registered once and read its latest state, so a poll costs the same however many feeds there
     * are (rebuilding every feed's series on each poll cost ingest an eighth of its time with 150 feeds).
     */
    public synchronized void record(FeedState feed) {
        String url = feed.url();
        latest.put(url, feed);
        List<Gauge> gauges = perFeed.computeIfAbsent(url, u -> new ArrayList<>());
        if (gauges.isEmpty()) {
            gauges.add(Gauge.builder(FAILURES, latest, states -> failuresOf(states.get(url)))
                    .description("Polls of the feed failed in a row").tag("feed", url).register(registry));
        }
        if (gauges.size() == 1 && feed.lastSuccess() != null) {
            gauges.add(Gauge.builder(SINCE_SUCCESS, latest, states -> secondsSinceSuccess(states.get(url)))
                    .description("Time since the feed was last polled successfully").baseUnit("seconds")
                    .tag("feed", url).register(registry));
        }
    }

    /** The feeds no longer polled here. */
    public synchronized void forget(Collection<String> urls) {
        for (String url : urls) {
            latest.remove(url);
            List<Gauge> gauges = perFeed.remove(url);
            if (gauges != null) {
                gauges.forEach(registry::remove);
            }
        }
    }

    int count(State state) {
        Instant now = clock.instant();
        return (int) latest.values().stream().filter(feed -> State.of(feed, now) == state).count();
    }

    private static double failuresOf(FeedState feed) {
        return feed == null ? Double.NaN : feed.consecutiveFailures();
    }

    private double secondsSinceSuccess(FeedState feed) {
        return feed == null || feed.lastSuccess() == null ? Double.NaN
                : Duration.between(feed.lastSuccess(), clock.instant()).toMillis() / 1000.0;
    }

    /** Removes every series, so that a stopped service reports no feeds rather than stale ones. */
    @Override
    public synchronized void close() {
        forget(List.copyOf(perFeed.keySet()));
        byState.forEach(registry::remove);
    }
}
