package dev.lodestone.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How gently ingest treats the servers it reads. A news monitor visits the same few thousand sites all day
 * long; a site that finds it rude blocks it, and then the story is missed. So every host gets a pause
 * between requests, its robots.txt is obeyed, and a struggling server is retried a little later rather
 * than at once, and only a few times.
 *
 * @param hostDelay     the least time between the end of one request to a host and the start of the next.
 *                      Newsrooms publish a few articles an hour per site, so 1 s costs ingest nothing while
 *                      sparing a site a burst of page fetches after a busy feed poll; 0 in tests
 * @param maxCrawlDelay the longest robots.txt {@code Crawl-delay} honoured: a longer one is cut to this, since
 *                      sites that ask for minutes mean whole-site crawlers, and ingest reads only the few new
 *                      pages a feed lists; an honoured delay holds the polling thread, so it must stay short
 * @param robotsTtl     how long a host's robots.txt is trusted before it is read again: rules rarely change,
 *                      and re-reading them hourly costs one small request per host
 * @param robotsRetry   how long a host whose robots.txt answered 5xx or could not be read is left alone,
 *                      as RFC 9309 asks: its rules are unknown, so nothing on it may be fetched
 * @param attempts      tries per fetch, the first included, when a failure is likely transient (no connection,
 *                      a connect timeout, HTTP 429, 502, 503 or 504); at least 1
 * @param retryBackoff  the wait before the first retry, doubled before each next one, with random jitter so
 *                      that feeds that failed together do not retry together; a retry is only started when it
 *                      can end within the request timeout, so a dead host holds a thread no longer than that
 * @param maxRetryAfter the longest {@code Retry-After} a 429 or 503 is obeyed for within one fetch; a server
 *                      asking for longer gets no retry now, and the next poll comes later anyway
 */
public record Politeness(Duration hostDelay, Duration maxCrawlDelay, Duration robotsTtl, Duration robotsRetry,
                         int attempts, Duration retryBackoff, Duration maxRetryAfter) {
    /** 1 s between requests per host, Crawl-delay up to 10 s, robots.txt for 1 h, 3 attempts from 1 s apart. */
    public static final Politeness DEFAULT = new Politeness(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofHours(1), Duration.ofMinutes(10), 3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Politeness {
        requireNotNegative(hostDelay, "hostDelay");
        requireNotNegative(maxCrawlDelay, "maxCrawlDelay");
        requireNotNegative(robotsTtl, "robotsTtl");
        requireNotNegative(robotsRetry, "robotsRetry");
        requireNotNegative(retryBackoff, "retryBackoff");
        requireNotNegative(maxRetryAfter, "maxRetryAfter");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
    }

    /**
     * The pause to keep after a request to a host whose robots.txt asks for {@code crawlDelay} (null when it
     * asks for none): never less than {@link #hostDelay}, never more than {@link #maxCrawlDelay} unless the
     * host delay itself is longer.
     */
    public Duration delayFor(Duration crawlDelay) {
        if (crawlDelay == null || crawlDelay.compareTo(hostDelay) <= 0) {
            return hostDelay;
        }
        return crawlDelay.compareTo(maxCrawlDelay) > 0 ? max(hostDelay, maxCrawlDelay) : crawlDelay;
    }

    public Politeness withHostDelay(Duration hostDelay) {
        return new Politeness(hostDelay, maxCrawlDelay, robotsTtl, robotsRetry, attempts, retryBackoff, maxRetryAfter);
    }

    public Politeness withMaxCrawlDelay(Duration maxCrawlDelay) {
        return new Politeness(hostDelay, maxCrawlDelay, robotsTtl, robotsRetry, attempts, retryBackoff, maxRetryAfter);
    }

    public Politeness withRobotsTtl(Duration robotsTtl) {
        return new Politeness(hostDelay, maxCrawlDelay, robotsTtl, robotsRetry, attempts, retryBackoff, maxRetryAfter);
    }

    public Politeness withRobotsRetry(Duration robotsRetry) {
        return new Politeness(hostDelay, maxCrawlDelay, robotsTtl, robotsRetry, attempts, retryBackoff, maxRetryAfter);
    }

    public Politeness withRetries(int attempts, Duration retryBackoff) {
        return new Politeness(hostDelay, maxCrawlDelay, robotsTtl, robotsRetry, attempts, retryBackoff, maxRetryAfter);
    }

    public Politeness withMaxRetryAfter(Duration maxRetryAfter) {
        return new Politeness(hostDelay, maxCrawlDelay, robotsTtl, robotsRetry, attempts, retryBackoff, maxRetryAfter);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + duration);
        }
    }
}
