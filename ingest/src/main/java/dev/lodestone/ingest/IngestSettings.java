package dev.lodestone.ingest;

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
 * @param pollInterval   the delay between the end of one poll of a feed and the start of the next
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
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must name the crawler");
        }
    }

    /** Polls every 5 minutes, refuses loopback, caps bodies at 5 MB, 10 s to connect and 30 s per fetch. */
    public static IngestSettings defaults(List<URI> feeds) {
        return new IngestSettings(feeds, Duration.ofMinutes(5), false, 5 * 1024 * 1024,
                Duration.ofSeconds(10), Duration.ofSeconds(30), USER_AGENT);
    }

    public IngestSettings withPollInterval(Duration pollInterval) {
        return new IngestSettings(feeds, pollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent);
    }

    public IngestSettings withAllowLoopback(boolean allowLoopback) {
        return new IngestSettings(feeds, pollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
