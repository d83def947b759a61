package dev.lodestone.ingest.fetch;

import dev.lodestone.ingest.fetch.FetchException.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Fetches counted by outcome, timed and weighed per host, so that a dashboard shows which outlet is slow,
 * failing or blocking us, and how: {@value #FETCHES} by {@code host} and {@code outcome} ({@code ok},
 * {@code not-modified}, {@code http-4xx}, {@code http-5xx}, or a {@link Reason} such as {@code timeout}),
 * {@value #FETCH_TIME} (a histogram, failures included: a timeout costs the poll its time too), and
 * {@value #BYTES} (decoded bodies).
 *
 * <p>Hosts are mostly the watched outlets, but a feed may link anywhere; past {@value #MAX_HOSTS} distinct
 * hosts the rest are counted together as {@value #OTHER_HOSTS}, so the number of series stays bounded
 * whatever the feeds link to.
 */
final class FetchMetrics {
    static final String FETCHES = "lodestone.ingest.fetches";
    static final String FETCH_TIME = "lodestone.ingest.fetch";
    static final String BYTES = "lodestone.ingest.fetched.bytes";
    static final int MAX_HOSTS = 500;
    static final String OTHER_HOSTS = "other";
    private static final Duration FASTEST = Duration.ofMillis(5);
    private static final Duration SLOWEST = Duration.ofSeconds(60);

    private final MeterRegistry registry;
    private final Set<String> hosts = ConcurrentHashMap.newKeySet();

    FetchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void fetched(URI url, FetchResponse response, long nanos) {
        String host = host(url);
        record(host, response.notModified() ? "not-modified" : "ok", nanos);
        Counter.builder(BYTES).description("Bytes of decoded bodies fetched").baseUnit(BaseUnits.BYTES)
                .tag("host", host).register(registry).increment(response.body().length);
    }

    void failed(URI url, FetchException failure, long nanos) {
        record(host(url), outcome(failure), nanos);
    }

    /** The outcome label of a failure: the status class for an HTTP error, else the reason. */
    static String outcome(FetchException failure) {
        if (failure.reason() == Reason.HTTP_STATUS) {
            return "http-" + failure.status() / 100 + "xx";
        }
        return failure.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void record(String host, String outcome, long nanos) {
        Counter.builder(FETCHES).description("Fetches of feeds and pages, by outcome")
                .tags("host", host, "outcome", outcome).register(registry).increment();
        Timer.builder(FETCH_TIME).description("Time a fetch took, retries and waiting for the host's turn included")
                .tag("host", host)
                .publishPercentileHistogram()
                .minimumExpectedValue(FASTEST)
                .maximumExpectedValue(SLOWEST)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    private String host(URI url) {
        String host = url.getHost() == null ? "none" : url.getHost().toLowerCase(Locale.ROOT);
        if (hosts.contains(host) || hosts.size() < MAX_HOSTS && hosts.add(host)) {
            return host;
        }
        return OTHER_HOSTS;
    }
}
