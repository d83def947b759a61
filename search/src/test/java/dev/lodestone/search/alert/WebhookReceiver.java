package dev.lodestone.search.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A webhook endpoint on loopback that records every request and answers with a status the test sets. */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as received: the headers that matter and the exact body, and the status it was answered. */
    public record Request(String signature, String idempotencyKey, byte[] body, int status) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int answer = status.get();
            requests.add(new Request(exchange.getRequestHeaders().getFirst("X-Lodestone-Signature"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** From now on every request is answered with {@code code}. */
    public void answer(int code) {
        status.set(code);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The idempotency keys of the requests answered 2xx, in the order they came. */
    public List<String> delivered() {
        return requests.stream().filter(r -> r.status() / 100 == 2).map(Request::idempotencyKey).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
