package dev.lodestone.ingest.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.lodestone.core.FeedState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Feed health as gauges: counts by state, and failures and time since success per feed. */
class FeedHealthMetricsTest {
    private static final Instant NOW = Instant.parse("2025-10-08T12:00:00Z");
    private static final String DAWN = "https://www.dawn.com/feeds/home";
    private static final String TRIBUNE = "https://tribune.com.pk/feed/home";
    private static final String GONE = "https://gone.example/rss";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedHealthMetrics metrics = new FeedHealthMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void close() {
        metrics.close();
    }

    private static FeedState feed(String url, Instant lastSuccess, int failures) {
        return new FeedState(FeedState.SCHEMA, url, FeedState.FEED, null, lastSuccess, NOW, failures == 0 ? null : "HTTP 503",
                failures, failures == 0 ? 200 : 503, 0, 4.0, NOW.plusSeconds(600));
    }

    private double feeds(String state) {
        return registry.get(FeedHealthMetrics.FEEDS).tag("state", state).gauge().value();
    }

    @Test
    void feedsAreCountedByState() {
        metrics.record(feed(DAWN, NOW.minusSeconds(60), 0));
        metrics.record(feed(TRIBUNE, NOW.minus(Duration.ofHours(3)), 2));
        metrics.record(feed(GONE, NOW.minus(Duration.ofDays(3)), 40));

        assertEquals(1, feeds("healthy"));
        assertEquals(1, feeds("failing"));
        assertEquals(1, feeds("dead"));
    }

    @Test
    void aFeedThatNeverSucceededAndFailsIsDead() {
        metrics.record(feed(GONE, null, 1));

        assertEquals(1, feeds("dead"));
    }

    @Test
    void eachFeedReportsItsFailuresInARowAndTheTimeSinceItsLastSuccess() {
        metrics.record(feed(TRIBUNE, NOW.minus(Duration.ofHours(3)), 2));

        assertEquals(2, registry.get(FeedHealthMetrics.FAILURES).tag("feed", TRIBUNE).gauge().value());
        assertEquals(3 * 3600, registry.get(FeedHealthMetrics.SINCE_SUCCESS).tag("feed", TRIBUNE).gauge().value());
    }

    @Test
    void aFeedThatNeverSucceededHasNoTimeSinceSuccessUntilItDoes() {
        metrics.record(feed(TRIBUNE, null, 1));
        assertNull(registry.find(FeedHealthMetrics.SINCE_SUCCESS).tag("feed", TRIBUNE).gauge());

        metrics.record(feed(TRIBUNE, NOW.minus(Duration.ofMinutes(1)), 0));
        assertEquals(60, registry.get(FeedHealthMetrics.SINCE_SUCCESS).tag("feed", TRIBUNE).gauge().value());
    }

    @Test
    void theLatestStateOfAFeedReplacesTheEarlierOne() {
        metrics.record(feed(TRIBUNE, NOW.minus(Duration.ofHours(3)), 2));
        metrics.record(feed(TRIBUNE, NOW, 0));

        assertEquals(0, registry.get(FeedHealthMetrics.FAILURES).tag("feed", TRIBUNE).gauge().value());
        assertEquals(1, feeds("healthy"));
        assertEquals(0, feeds("failing"));
    }

    @Test
    void aFeedHandedOverIsNoLongerReported() {
        metrics.record(feed(DAWN, NOW, 0));
        metrics.forget(List.of(DAWN));

        assertNull(registry.find(FeedHealthMetrics.FAILURES).tag("feed", DAWN).gauge());
        assertEquals(0, feeds("healthy"));
    }
}
