package dev.lodestone.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robots.txt rules of every site ingest visits, read as RFC 9309 says and kept for
 * {@link Politeness#robotsTtl()} per origin (scheme, host and port, as robots.txt applies).
 *
 * <p>Ingest obeys the rules for the product token {@value #AGENT}, else those for {@code *}. A robots.txt
 * that answers 4xx means the site sets no rules: everything is allowed. One that answers 5xx or cannot be
 * read at all means the rules are unknown: nothing on the site is fetched for {@link Politeness#robotsRetry()}.
 * Parsing is crawler-commons', told to accept any Crawl-delay: {@link Politeness#delayFor} bounds it instead
 * of refusing the site, which is what the parser does with long delays.
 */
final class RobotsTxt {
    /** The product token ingest obeys robots.txt groups for, lower case as the parser requires. */
    static final String AGENT = "lodestone";
    private static final Logger LOG = LoggerFactory.getLogger(RobotsTxt.class);
    private static final int MAX_ORIGINS = 10_000;
    private static final int MAX_PARSE_WARNINGS = 5;
    private static final BaseRobotRules ALLOW_ALL = new SimpleRobotRules(RobotRulesMode.ALLOW_ALL);
    private static final BaseRobotRules ALLOW_NONE = new SimpleRobotRules(RobotRulesMode.ALLOW_NONE);

    /** How robots.txt is fetched: the guarded fetcher, without a robots check of its own. */
    @FunctionalInterface
    interface Loader {
        FetchResponse load(URI robotsUrl, long deadline) throws FetchException, InterruptedException;
    }

    /**
     * A site's rules as far as they are known.
     *
     * @param unavailable why its robots.txt could not be read ({@code HTTP 503}, {@code could not connect}), so
     *                    that nothing may be fetched; null when it was read
     */
    record SiteRules(BaseRobotRules rules, String unavailable) {
        /** The delay the rules ask for between requests, null when they ask for none. */
        Duration crawlDelay() {
            long millis = rules.getCrawlDelay();
            return millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis < 0 ? null : Duration.ofMillis(millis);
        }
    }

    private record Cached(SiteRules rules, long expires) {}

    private final Politeness politeness;
    private final Loader loader;
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_ORIGINS;
        }
    };

    RobotsTxt(Politeness politeness, Loader loader) {
        this.politeness = politeness;
        this.loader = loader;
    }

    /**
     * The rules of the URL's site, read now when not known or out of date. Two threads that both find them
     * missing may both read them; the host gate serialises those reads and the cost is one small request.
     *
     * @param deadline the {@link System#nanoTime()} by which the fetch needing the rules must end
     */
    SiteRules rulesFor(URI url, long deadline) throws InterruptedException {
        String origin = origin(url);
        synchronized (cache) {
            Cached cached = cache.get(origin);
            if (cached != null && cached.expires() - System.nanoTime() > 0) {
                return cached.rules();
            }
        }
        URI robotsUrl = URI.create(origin + "/robots.txt");
        SiteRules rules;
        Duration ttl = politeness.robotsTtl();
        try {
            FetchResponse response = loader.load(robotsUrl, deadline);
            rules = new SiteRules(new SimpleRobotRulesParser(Long.MAX_VALUE, MAX_PARSE_WARNINGS)
                    .parseContent(robotsUrl.toString(), response.body(), response.contentType(), List.of(AGENT)), null);
        } catch (FetchException e) {
            if (e.status() >= 400 && e.status() < 500) {
                rules = new SiteRules(ALLOW_ALL, null);
            } else {
                String prefix = robotsUrl + ": ";
                String reason = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
                rules = new SiteRules(ALLOW_NONE, reason);
                ttl = politeness.robotsRetry();
                LOG.warn("robots.txt unavailable, nothing fetched from {} for {}: {}", origin, ttl, e.getMessage());
            }
        }
        synchronized (cache) {
            cache.put(origin, new Cached(rules, System.nanoTime() + ttl.toNanos()));
        }
        return rules;
    }

    private static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }
}
