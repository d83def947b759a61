package dev.lodestone.ingest.fetch;

import static dev.lodestone.ingest.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.ingest.LoopbackServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** robots.txt, pauses between requests to a host, and retries, on a real server on loopback. */
class PoliteFetchingTest {
    private static final byte[] PAGE = "<p>Pasni</p>".getBytes(StandardCharsets.UTF_8);

    private LoopbackServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Long> pageArrivals = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpFetcher fetcher(Politeness politeness) {
        return new HttpFetcher(new AddressGuard(true), "Lodestone/test", Duration.ofSeconds(1), Duration.ofSeconds(5),
                64 * 1024, politeness);
    }

    private void serveRobots(String robots) {
        server.handle("/robots.txt", exchange -> {
            requests.add("/robots.txt");
            respond(exchange, 200, "text/plain", robots.getBytes(StandardCharsets.UTF_8));
        });
    }

    private void servePages() {
        server.handle("/news/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            pageArrivals.add(System.nanoTime());
            respond(exchange, 200, "text/html", PAGE);
        });
    }

    @Test
    void aUrlDisallowedByRobotsTxtIsRefusedWithoutBeingRequested() {
        serveRobots("User-agent: *\nDisallow: /news/\n");
        servePages();

        FetchException error = assertThrows(FetchException.class,
                () -> fetcher(HttpFetcherTest.QUICK).fetch(server.url("/news/pasni")));

        assertEquals(server.url("/news/pasni") + ": disallowed by robots.txt", error.getMessage());
        assertEquals(List.of("/robots.txt"), requests);
    }

    @Test
    void theGroupForLodestoneIsObeyedOverTheGroupForEveryone() throws Exception {
        serveRobots("User-agent: *\nDisallow: /\n\nUser-agent: Lodestone\nDisallow: /private/\n");
        servePages();
        HttpFetcher fetcher = fetcher(HttpFetcherTest.QUICK);

        fetcher.fetch(server.url("/news/pasni"));
        FetchException error = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/private/x")));

        assertEquals(server.url("/private/x") + ": disallowed by robots.txt", error.getMessage());
    }

    @Test
    void robotsTxtIsReadOncePerSiteWhileFresh() throws Exception {
        serveRobots("User-agent: *\nAllow: /\n");
        servePages();
        HttpFetcher fetcher = fetcher(HttpFetcherTest.QUICK);

        fetcher.fetch(server.url("/news/one"));
        fetcher.fetch(server.url("/news/two"));

        assertEquals(List.of("/robots.txt", "/news/one", "/news/two"), requests);
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() throws Exception {
        servePages();

        FetchResponse response = fetcher(HttpFetcherTest.QUICK).fetch(server.url("/news/pasni"));

        assertEquals(200, response.status());
    }

    @Test
    void aRobotsTxtAnswering5xxKeepsTheWholeSiteUnfetched() {
        server.handle("/robots.txt", exchange -> respond(exchange, 500, "text/plain", new byte[0]));
        servePages();

        FetchException error = assertThrows(FetchException.class,
                () -> fetcher(HttpFetcherTest.QUICK).fetch(server.url("/news/pasni")));

        assertEquals(server.url("/news/pasni") + ": robots.txt unavailable, HTTP 500", error.getMessage());
        assertTrue(requests.isEmpty(), "no page requested: " + requests);
    }

    @Test
    void requestsToOneHostArePausedByTheHostDelay() throws Exception {
        servePages();
        HttpFetcher fetcher = fetcher(HttpFetcherTest.QUICK.withHostDelay(Duration.ofMillis(300)));

        fetcher.fetch(server.url("/news/one"));
        fetcher.fetch(server.url("/news/two"));

        assertGapAtLeast(Duration.ofMillis(300));
    }

    @Test
    void aCrawlDelayIsHonouredUpToTheBound() throws Exception {
        serveRobots("User-agent: *\nCrawl-delay: 30\n");
        servePages();
        HttpFetcher fetcher = fetcher(HttpFetcherTest.QUICK.withMaxCrawlDelay(Duration.ofMillis(400)));

        long start = System.nanoTime();
        fetcher.fetch(server.url("/news/one"));
        fetcher.fetch(server.url("/news/two"));

        assertGapAtLeast(Duration.ofMillis(400));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0, "30 s cut to 400 ms");
    }

    @Test
    void aServiceUnavailableIsRetriedUntilItRecovers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.handle("/flaky", exchange -> respond(exchange, calls.incrementAndGet() < 3 ? 503 : 200, "text/html", PAGE));

        FetchResponse response = fetcher(HttpFetcherTest.QUICK).fetch(server.url("/flaky"));

        assertEquals(200, response.status());
        assertEquals(3, calls.get());
    }

    @Test
    void retriesStopAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        server.handle("/down", exchange -> respond(exchange, 502 + calls.getAndIncrement() % 3, "text/html", PAGE));

        FetchException error = assertThrows(FetchException.class, () -> fetcher(HttpFetcherTest.QUICK).fetch(server.url("/down")));

        assertEquals(server.url("/down") + ": HTTP 504 (3 attempts)", error.getMessage());
        assertEquals(3, calls.get());
    }

    @Test
    void aClientErrorIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        server.handle("/gone", exchange -> {
            calls.incrementAndGet();
            respond(exchange, 410, "text/html", PAGE);
        });

        assertThrows(FetchException.class, () -> fetcher(HttpFetcherTest.QUICK).fetch(server.url("/gone")));

        assertEquals(1, calls.get());
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheDelayTheServerAsks() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        server.handle("/busy", exchange -> {
            arrivals.add(System.nanoTime());
            exchange.getResponseHeaders().set("Retry-After", "1");
            respond(exchange, arrivals.size() == 1 ? 429 : 200, "text/html", PAGE);
        });

        fetcher(HttpFetcherTest.QUICK).fetch(server.url("/busy"));

        assertEquals(2, arrivals.size());
        assertTrue(arrivals.get(1) - arrivals.get(0) >= Duration.ofSeconds(1).toNanos(), "waited Retry-After");
    }

    @Test
    void aRetryAfterBeyondTheBoundIsNotWaitedFor() {
        AtomicInteger calls = new AtomicInteger();
        server.handle("/later", exchange -> {
            calls.incrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", "3600");
            respond(exchange, 429, "text/html", PAGE);
        });

        FetchException error = assertThrows(FetchException.class, () -> fetcher(HttpFetcherTest.QUICK).fetch(server.url("/later")));

        assertEquals(server.url("/later") + ": HTTP 429", error.getMessage());
        assertEquals(1, calls.get());
    }

    private void assertGapAtLeast(Duration gap) {
        assertEquals(2, pageArrivals.size());
        long between = pageArrivals.get(1) - pageArrivals.get(0);
        assertTrue(between >= gap.toNanos(), "requests " + Duration.ofNanos(between) + " apart");
    }
}
