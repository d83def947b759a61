package dev.lodestone.app.scale;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy on loopback in front of a site, counting the requests per path: how a test sees how often
 * something was fetched, by whichever process. Links in the site's pages and feeds are rewritten to point at
 * the proxy, so the articles they list are fetched through it too. Conditional requests pass through.
 */
final class CountingProxy implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI site;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final URI base;

    CountingProxy(URI site) throws IOException {
        this.site = site;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::forward);
        server.start();
        this.base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The proxy's URL for a URL of the site. */
    URI via(URI siteUrl) {
        return base.resolve(site.relativize(siteUrl));
    }

    /** How many requests the path received. */
    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI requested = exchange.getRequestURI();
            requests.computeIfAbsent(requested.getPath(), any -> new AtomicInteger()).incrementAndGet();
            HttpRequest.Builder request = HttpRequest.newBuilder(site.resolve(requested.getRawPath())).timeout(TIMEOUT);
            String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            response.headers().firstValue("ETag").ifPresent(tag -> exchange.getResponseHeaders().set("ETag", tag));
            byte[] body = new String(response.body(), StandardCharsets.UTF_8)
                    .replace(site.toString(), base.toString()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
