package dev.lodestone.ingest;

import dev.lodestone.ingest.feed.PollSchedule;
import dev.lodestone.ingest.fetch.Politeness;
import dev.lodestone.ingest.registry.FeedSource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What ingest watches and how politely it fetches. Bad settings fail here, at start-up, with a message
 * naming the offending value, rather than as a poll that silently never works.
 *
 * @param sources        the configured feeds, sitemaps and section pages, http or https only: added to the
 *                       feed registry when it lacks them; each instance polls its share of the registry
 * @param pollInterval   the shortest delay between polls of a feed, for the busiest feeds; each feed's
 *                       delay follows its publishing rate ({@link PollSchedule}) up to {@code maxPollInterval}
 * @param maxPollInterval the longest delay, for dead or failing feeds
 * @param allowLoopback  whether feeds and pages may live on this machine; only for the demo and tests,
 *                       since a feed can otherwise make ingest probe local services
 * @param maxBodyBytes   the largest body accepted, counted after decompression
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param requestTimeout how long one fetch may take in all, redirects and body included
 * @param userAgent      sent with every request, so site owners can see who is calling and why
 * @param politeness     pauses per host, robots.txt and retries: what keeps ingest welcome on the sites it reads
 * @param pollThreads    how many sources are polled at once. A poll reads its new pages one by one, mostly
 *                       waiting: on the network, and on the pause its host is owed after each page. So the
 *                       pages read per second across all hosts are about this many over the host delay (plus
 *                       fetch time), and a few threads cap a busy hour's intake far below what the CPU could
 *                       extract; a waiting thread costs no CPU
 */
public record IngestSettings(
        List<FeedSource> sources,
        Duration pollInterval,
        Duration maxPollInterval,
        boolean allowLoopback,
        int maxBodyBytes,
        Duration connectTimeout,
        Duration requestTimeout,
        String userAgent,
        Politeness politeness,
        int pollThreads) {

    public static final String USER_AGENT = "Lodestone/0.1 (news monitor; +https://github.com/lodestone-news/lodestone)";

    public IngestSettings {
        sources = List.copyOf(sources);
        sources.forEach(source -> FeedSource.requireFetchable(source.url()));
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
        Objects.requireNonNull(politeness, "politeness");
        if (pollThreads < 1) {
            throw new IllegalArgumentException("pollThreads must be at least 1, got " + pollThreads);
        }
    }

    /** Sources polled at once by default: with the default 1 s host delay, about 16 pages a second. */
    public static final int DEFAULT_POLL_THREADS = 16;

    /**
     * Polls each feed every 2 minutes to 6 hours by its publishing rate, {@value #DEFAULT_POLL_THREADS} at once,
     * refuses loopback, caps bodies at 5 MB, 10 s to connect and 30 s per fetch, and is
     * {@link Politeness#DEFAULT polite}.
     */
    public static IngestSettings defaults(List<URI> feeds) {
        return new IngestSettings(feeds.stream().map(FeedSource::feed).toList(), PollSchedule.DEFAULT.min(),
                PollSchedule.DEFAULT.max(), false, 5 * 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(30),
                USER_AGENT, Politeness.DEFAULT, DEFAULT_POLL_THREADS);
    }

    /** The URLs of the sources that are feeds (RSS, Atom, JSON Feed), in order. */
    public List<URI> feeds() {
        return sources.stream().filter(source -> source.type() == FeedSource.Type.FEED).map(FeedSource::url).toList();
    }

    /** The bounds of every feed's adaptive poll interval. */
    public PollSchedule pollSchedule() {
        return new PollSchedule(pollInterval, maxPollInterval);
    }

    /** Sets the shortest poll interval, raising the longest to it if need be. */
    public IngestSettings withPollInterval(Duration pollInterval) {
        Duration max = maxPollInterval.compareTo(pollInterval) < 0 ? pollInterval : maxPollInterval;
        return new IngestSettings(sources, pollInterval, max, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent, politeness, pollThreads);
    }

    public IngestSettings withMaxPollInterval(Duration maxPollInterval) {
        return new IngestSettings(sources, pollInterval, maxPollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent, politeness, pollThreads);
    }

    public IngestSettings withAllowLoopback(boolean allowLoopback) {
        return new IngestSettings(sources, pollInterval, maxPollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent, politeness, pollThreads);
    }

    public IngestSettings withRequestTimeout(Duration requestTimeout) {
        return new IngestSettings(sources, pollInterval, maxPollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent, politeness, pollThreads);
    }

    /** Polls these sources instead, of any type; an OPML feed list gives them ({@code Opml.read}). */
    public IngestSettings withSources(List<FeedSource> sources) {
        return new IngestSettings(sources, pollInterval, maxPollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent, politeness, pollThreads);
    }

    public IngestSettings withPollThreads(int pollThreads) {
        return new IngestSettings(sources, pollInterval, maxPollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent, politeness, pollThreads);
    }

    public IngestSettings withPoliteness(Politeness politeness) {
        return new IngestSettings(sources, pollInterval, maxPollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent, politeness, pollThreads);
    }

    /** Sets only the pause between requests to one host; 0 lets tests run at full speed. */
    public IngestSettings withHostDelay(Duration hostDelay) {
        return withPoliteness(politeness.withHostDelay(hostDelay));
    }

    public IngestSettings withMaxBodyBytes(int maxBodyBytes) {
        return new IngestSettings(sources, pollInterval, maxPollInterval, allowLoopback, maxBodyBytes, connectTimeout, requestTimeout, userAgent, politeness, pollThreads);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
