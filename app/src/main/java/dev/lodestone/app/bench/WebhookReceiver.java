package dev.lodestone.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lodestone.core.Json;
import dev.lodestone.search.alert.deliver.WebhookMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A webhook endpoint on loopback that answers 200 to every POST and keeps what it was sent, so a benchmark can
 * count each alert's deliveries. It lives in the benchmark's own process, so it outlives the pipeline it
 * watches being killed.
 */
final class WebhookReceiver implements AutoCloseable {
    /**
     * One POST as received.
     *
     * @param idempotencyKey the {@value WebhookMessage#IDEMPOTENCY_HEADER} header, the same for every attempt
     *                       at one alert
     * @param articleIds     the alert's articles, its headline first
     */
    record Delivery(String idempotencyKey, String kind, String ruleId, String storyId, List<String> articleIds) {}

    private final HttpServer server;
    private final List<Delivery> deliveries = new ArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/hook", receiver::receive);
        server.start();
        return receiver;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode alert;
            try (InputStream body = exchange.getRequestBody()) {
                alert = Json.MAPPER.readTree(body.readAllBytes()).path("alert");
            } catch (JsonProcessingException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            List<String> articleIds = new ArrayList<>();
            alert.path("articleIds").forEach(id -> articleIds.add(id.asText()));
            Delivery delivery = new Delivery(exchange.getRequestHeaders().getFirst(WebhookMessage.IDEMPOTENCY_HEADER),
                    alert.path("kind").asText(), alert.path("ruleId").asText(), alert.path("storyId").asText(),
                    articleIds);
            synchronized (this) {
                deliveries.add(delivery);
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
