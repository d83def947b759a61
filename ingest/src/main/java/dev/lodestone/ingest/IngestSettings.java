package dev.lodestone.ingest;

import dev.lodestone.ingest.feed.PollSchedule;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What ingest watches and how politely it fetches. Bad settings fail here, at start-up, with a message
 * naming the offending value, rather than as a poll that silently never works.
 *
 * @param feeds          the RSS or Atom feeds to poll, http or https only
 * @param pollInterval   the shortest delay between polls of a feed, for the busiest feeds; each feed's
 *                       delay follows its publishing rate ({@link PollSchedule}) up to {@code maxPollInterval}
 * @param maxPollInterval the longest delay, for dead or failing feeds
 * @param allowLoopback  whether feeds and pages may live on this machine; only for the demo and tests,
 *                       since a feed can otherwise make ingest probe local services
 * @param maxBodyBytes   the largest body accepted, counted after decompression
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param requestTimeout how long one fetch may take in all, redirects and body included
 * @param userAgent      sent with every request, so site owners can see who is calling and why
 */
public record IngestSettings(
        List<URI> feeds,
        Duration pollInterval,
        Duration maxPollInterval,
        boolean allowLoopback,
        int maxBodyBytes,
        Duration connectTimeout,
        Duration requestTimeout,
        String userAgent) {

    public static final String USER_AGENT = "Lodestone/0.1 (news monitor; +https://github.com/lodestone-news/lodestone)";

    public IngestSettings {
        feeds = List.copyOf(feeds);
        for (URI feed : feeds) {
            String scheme = feed.getScheme() == null ? "" : feed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException(
                        "unsupported feed URL scheme '" + scheme + "' in " + feed + ": only http and https");
            }
            if (feed.getHost() == null) {
                throw new IllegalArgumentException("feed URL " + feed + " has no host");
            }
        }
        requirePositive(pollInterval, "pollInterval");
        requirePositive(maxPollInterval, "maxPollInterval");
        if (maxPollInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("maxPollInterval " + maxPollInterval + " is shorter than pollInterval " + pollInterval);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must name the crawler");
        }
    }

    /**
     * Polls each feed every 2 minutes to 6 hours by its publishing rate, refuses loopback, caps bodies at
     * 5 MB, 10 s to connect and 30 s per fetch.
     */
    public static IngestSettings defaults(List<URI> feeds) {
        return new IngestSettings(feeds, PollSchedule.DEFAULT.min(), PollSchedule.DEFAULT.max(), false, 5 * 1024 * 1024,
                Duration.ofSeconds(10), Duration.ofSeconds(30), USER_AGENT);
    }

    /** The bounds of every feed's adaptive poll interval. */
    public PollSchedule pollSchedule() {
        return new PollSchedule(pollInterval, maxPollInterval);
    }

    /** Sets the shortest poll interval, raising the longest to it if need be. */
    public IngestSettings withPollInterval(Duration pollInterval) {
        Duration max = maxPollInterval.compareTo(pollInterval) < 0 ? pollInterval : maxPollInterval;
        return new IngestSettings(feeds, pollInterval, max, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent);
    }

    public IngestSettings withMaxPollInterval(Duration maxPollInterval) {
        return new IngestSettings(feeds, pollInterval, maxPollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent);
    }

    public IngestSettings withAllowLoopback(boolean allowLoopback) {
        return new IngestSettings(feeds, pollInterval, maxPollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent);
    }

    public IngestSettings withRequestTimeout(Duration requestTimeout) {
        return new IngestSettings(feeds, pollInterval, maxPollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
