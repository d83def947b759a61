package dev.lodestone.ingest.fetch;

import static dev.lodestone.ingest.LoopbackServer.respond;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.ingest.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private static final int CAP = 64 * 1024;
    private static final String USER_AGENT = "Lodestone/test";
    /** Polite in every way but time: no pause between requests, retries 20 ms apart. */
    static final Politeness QUICK = Politeness.DEFAULT.withHostDelay(Duration.ZERO).withRetries(3, Duration.ofMillis(20));

    private LoopbackServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        fetcher = fetcher(true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static HttpFetcher fetcher(boolean allowLoopback) {
        return new HttpFetcher(new AddressGuard(allowLoopback), USER_AGENT, Duration.ofSeconds(2), Duration.ofSeconds(5), CAP, QUICK);
    }

    @Test
    void fetchesABodyWithItsContentTypeAndCharset() throws Exception {
        server.serve("/page", "text/html; charset=ISO-8859-1", "<p>Quetta</p>".getBytes(StandardCharsets.ISO_8859_1));

        FetchResponse response = fetcher.fetch(server.url("/page"));

        assertEquals(200, response.status());
        assertEquals("<p>Quetta</p>", new String(response.body(), StandardCharsets.ISO_8859_1));
        assertEquals(StandardCharsets.ISO_8859_1, response.charset().orElseThrow());
    }

    @Test
    void sendsAnHonestUserAgent() throws Exception {
        AtomicReference<String> userAgent = new AtomicReference<>();
        server.handle("/ua", exchange -> {
            userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            respond(exchange, 200, "text/plain", new byte[] {'k'});
        });

        fetcher.fetch(server.url("/ua"));

        assertEquals(USER_AGENT, userAgent.get());
    }

    @Test
    void aBodyLargerThanTheCapIsRefusedWhileStreaming() {
        server.handle("/large", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // the fetcher stops reading at the cap, which is the point
            }
        });

        FetchException error = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/large")));

        assertEquals(server.url("/large") + ": body exceeds " + CAP + " bytes", error.getMessage());
    }

    @Test
    void aGzipBombIsRefusedAtTheCapOnTheDecompressedSize() throws Exception {
        byte[] bomb = gzip(new byte[16 * 1024 * 1024]);
        assertTrue(bomb.length < CAP, "the compressed bomb itself fits under the cap");
        server.handle("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, "text/html", bomb);
        });

        FetchException error = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/bomb")));

        assertEquals(server.url("/bomb") + ": body exceeds " + CAP + " bytes", error.getMessage());
    }

    @Test
    void aGzippedBodyIsDecompressed() throws Exception {
        byte[] html = "<p>Rare earths</p>".getBytes(StandardCharsets.UTF_8);
        server.handle("/gzipped", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            respond(exchange, 200, "text/html", gzip(html));
        });

        assertArrayEquals(html, fetcher.fetch(server.url("/gzipped")).body());
    }

    @Test
    void redirectsAreFollowed() throws Exception {
        server.handle("/old", exchange -> {
            exchange.getResponseHeaders().set("Location", "/new");
            respond(exchange, 301, "text/html", new byte[0]);
        });
        server.serve("/new", "text/html", "moved".getBytes(StandardCharsets.UTF_8));

        FetchResponse response = fetcher.fetch(server.url("/old"));

        assertEquals(server.url("/new"), response.url());
        assertEquals("moved", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aRedirectLoopEndsWithTooManyRedirects() {
        server.handle("/loop", exchange -> {
            exchange.getResponseHeaders().set("Location", "/loop");
            respond(exchange, 302, "text/html", new byte[0]);
        });

        FetchException error = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/loop")));

        assertEquals(server.url("/loop") + ": too many redirects", error.getMessage());
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        server.handle("/to-file", exchange -> {
            exchange.getResponseHeaders().set("Location", "file:///etc/passwd");
            respond(exchange, 302, "text/html", new byte[0]);
        });

        FetchException error = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/to-file")));

        assertEquals(server.url("/to-file") + ": refused: redirect to file:///etc/passwd", error.getMessage());
    }

    @Test
    void aMissingPageIsHttp404() {
        FetchException error = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/missing")));

        assertEquals(server.url("/missing") + ": HTTP 404", error.getMessage());
        assertEquals(404, error.status());
    }

    @Test
    void loopbackIsRefusedUnlessAllowed() {
        server.serve("/page", "text/html", "local".getBytes(StandardCharsets.UTF_8));

        FetchException error = assertThrows(FetchException.class, () -> fetcher(false).fetch(server.url("/page")));

        assertEquals(server.url("/page") + ": refused: resolves to loopback address 127.0.0.1", error.getMessage());
    }

    @Test
    void aMatchingEtagGetsNotModified() throws Exception {
        server.handle("/feed", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.getResponseHeaders().set("ETag", "\"v1\"");
                respond(exchange, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
            }
        });

        FetchResponse first = fetcher.fetch(server.url("/feed"));
        FetchResponse second = fetcher.fetch(server.url("/feed"), first.validators());

        assertEquals(new Validators("\"v1\"", null), first.validators());
        assertTrue(second.notModified());
        assertEquals(0, second.body().length);
    }

    @Test
    void aDeadPortIsAConnectionFailure() throws Exception {
        URI dead = server.url("/feed");
        server.close();

        FetchException error = assertThrows(FetchException.class, () -> fetcher.fetch(dead));

        assertEquals(dead + ": robots.txt unavailable, could not connect (3 attempts)", error.getMessage());
        assertEquals(0, error.status());
    }

    @Test
    void aSlowServerTimesOut() {
        HttpFetcher impatient = new HttpFetcher(new AddressGuard(true), USER_AGENT, Duration.ofSeconds(1), Duration.ofMillis(300), CAP, QUICK);
        server.handle("/slow", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        FetchException error = assertThrows(FetchException.class, () -> impatient.fetch(server.url("/slow")));

        assertEquals(server.url("/slow") + ": timed out after 300 ms", error.getMessage());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
