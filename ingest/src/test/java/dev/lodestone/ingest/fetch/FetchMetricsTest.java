package dev.lodestone.ingest.fetch;

import static dev.lodestone.ingest.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lodestone.ingest.LoopbackServer;
import dev.lodestone.ingest.fetch.FetchException.Reason;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code /metrics} says about fetches: per host, by outcome. */
class FetchMetricsTest {
    private static final String HOST = "127.0.0.1";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HttpFetcher fetcher = new HttpFetcher(new AddressGuard(true), "Lodestone/test", Duration.ofSeconds(2),
            Duration.ofSeconds(5), 64 * 1024, HttpFetcherTest.QUICK);
    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        Metrics.addRegistry(registry);
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
        Metrics.removeRegistry(registry);
    }

    @Test
    void aFetchIsCountedTimedAndWeighedUnderItsHost() throws Exception {
        byte[] page = "<p>Pasni</p>".getBytes(StandardCharsets.UTF_8);
        server.serve("/page", "text/html", page);

        fetcher.fetch(server.url("/page"));

        assertEquals(1, registry.get(FetchMetrics.FETCHES).tags("host", HOST, "outcome", "ok").counter().count());
        assertEquals(1, registry.get(FetchMetrics.FETCH_TIME).tag("host", HOST).timer().count());
        assertEquals(page.length, registry.get(FetchMetrics.BYTES).tag("host", HOST).counter().count());
    }

    @Test
    void aFailedFetchIsCountedByTheClassOfItsStatus() {
        server.handle("/gone", exchange -> respond(exchange, 404, "text/plain", new byte[0]));

        assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/gone")));

        assertEquals(1, registry.get(FetchMetrics.FETCHES).tags("host", HOST, "outcome", "http-4xx").counter().count());
        assertEquals(1, registry.get(FetchMetrics.FETCH_TIME).tag("host", HOST).timer().count(), "failures are timed too");
    }

    @Test
    void aFailureWithoutAStatusIsCountedByItsReason() {
        assertEquals("too-large", FetchMetrics.outcome(new FetchException("https://x/: body exceeds 9 bytes", 200, Reason.TOO_LARGE)));
        assertEquals("http-5xx", FetchMetrics.outcome(new FetchException("https://x/: HTTP 503", 503, Reason.HTTP_STATUS)));
    }

    @Test
    void hostsBeyondTheCapAreCountedTogether() {
        FetchMetrics metrics = new FetchMetrics(registry);
        FetchException timeout = new FetchException("timed out", 0, Reason.TIMEOUT);
        for (int i = 0; i <= FetchMetrics.MAX_HOSTS; i++) {
            metrics.failed(URI.create("https://outlet" + i + ".example/rss"), timeout, 1_000);
        }

        assertEquals(1, registry.get(FetchMetrics.FETCHES).tags("host", "outlet0.example", "outcome", "timeout").counter().count());
        assertEquals(1, registry.get(FetchMetrics.FETCHES).tags("host", FetchMetrics.OTHER_HOSTS).counter().count());
    }
}
