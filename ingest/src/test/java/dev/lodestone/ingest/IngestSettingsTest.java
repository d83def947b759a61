package dev.lodestone.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lodestone.ingest.fetch.Politeness;
import dev.lodestone.ingest.registry.FeedSource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {
    @Test
    void aFeedThatIsNotHttpIsRefusedWithTheOffendingUrl() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> IngestSettings.defaults(List.of(URI.create("ftp://example.org/feed.xml"))));
        assertEquals("unsupported feed URL scheme 'ftp' in ftp://example.org/feed.xml: only http and https",
                error.getMessage());
    }

    @Test
    void defaultsArePoliteAndRefuseLoopback() {
        IngestSettings settings = IngestSettings.defaults(List.of(URI.create("https://www.dawn.com/feeds/home")));
        assertEquals(Duration.ofMinutes(2), settings.pollInterval());
        assertEquals(Duration.ofHours(6), settings.maxPollInterval());
        assertEquals(false, settings.allowLoopback());
        assertEquals(5 * 1024 * 1024, settings.maxBodyBytes());
        assertEquals("Lodestone/0.1 (news monitor; +https://github.com/lodestone-news/lodestone)", settings.userAgent());
    }

    @Test
    void fewerThanOnePollThreadIsRefusedNamingTheSetting() {
        IngestSettings defaults = IngestSettings.defaults(List.of(URI.create("https://www.dawn.com/feeds/home")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.withPollThreads(0));

        assertEquals("pollThreads must be at least 1, got 0", e.getMessage());
    }

    @Test
    void withersChangeOnlyTheirOwnSetting() {
        IngestSettings defaults = IngestSettings.defaults(List.of(URI.create("https://www.dawn.com/feeds/home")));
        IngestSettings changed = defaults.withPollInterval(Duration.ofSeconds(30)).withAllowLoopback(true);
        assertEquals(new IngestSettings(defaults.sources(), Duration.ofSeconds(30), defaults.maxPollInterval(), true, defaults.maxBodyBytes(),
                defaults.connectTimeout(), defaults.requestTimeout(), defaults.userAgent(), defaults.politeness(), defaults.pollThreads()), changed);
    }

    @Test
    void feedsAreTheSourcesOfTypeFeed() {
        URI feed = URI.create("https://www.dawn.com/feeds/home");
        IngestSettings settings = IngestSettings.defaults(List.of(feed)).withSources(List.of(
                FeedSource.feed(feed),
                new FeedSource(URI.create("https://www.dawn.com/sitemap.xml"), "", null, "", FeedSource.Type.SITEMAP)));

        assertEquals(List.of(feed), settings.feeds());
        assertEquals(2, settings.sources().size());
    }

    @Test
    void aSourceThatIsNotHttpIsRefusedWhateverItsType() {
        IngestSettings defaults = IngestSettings.defaults(List.of());

        assertThrows(IllegalArgumentException.class, () -> defaults.withSources(List.of(
                new FeedSource(URI.create("file:///etc/passwd"), "", null, "", FeedSource.Type.SECTION))));
    }

    @Test
    void defaultsPauseBetweenRequestsToAHostAndRetryAFewTimes() {
        Politeness politeness = IngestSettings.defaults(List.of()).politeness();

        assertEquals(Duration.ofSeconds(1), politeness.hostDelay());
        assertEquals(3, politeness.attempts());
    }

    @Test
    void aMaximumPollIntervalBelowTheMinimumIsRefused() {
        IngestSettings defaults = IngestSettings.defaults(List.of(URI.create("https://www.dawn.com/feeds/home")));

        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxPollInterval(Duration.ofSeconds(1)));
    }
}
