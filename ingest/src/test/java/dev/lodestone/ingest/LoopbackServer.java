package dev.lodestone.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** A real HTTP server on 127.0.0.1 for tests, serving fixtures and hand-written responses. */
public final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;

    public LoopbackServer() throws IOException {
        this("127.0.0.1");
    }

    /** A server on another loopback address (any of 127/8), so that it counts as another host. */
    public LoopbackServer(String loopbackAddress) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0), 0);
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path);
    }

    public LoopbackServer handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    public LoopbackServer serve(String path, String contentType, byte[] body) {
        return handle(path, exchange -> respond(exchange, 200, contentType, body));
    }

    /** Serves a test resource, with {@code BASE_URL} replaced by this server's root URL. */
    public LoopbackServer serveResource(String path, String contentType, String resource) {
        String text = resource(resource).replace("BASE_URL", url("").toString());
        return serve(path, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
    }

    public static String resource(String name) {
        try (InputStream in = LoopbackServer.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
