package dev.lodestone.search.web;

import dev.lodestone.core.Json;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages listening on {@code /api/live}, and the one way to tell them all something. A page that
 * went away is forgotten on its first failed send; one slow page cannot stop the others.
 */
final class LiveFeed {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final Set<SseClient> listeners = ConcurrentHashMap.newKeySet();

    void listen(SseClient client) {
        client.keepAlive();
        client.onClose(() -> listeners.remove(client));
        listeners.add(client);
        client.sendComment("listening");
    }

    /** Sends {@code data} as JSON in an event named {@code event} to every listening page. */
    void publish(String event, Object data) {
        String json = Json.toString(data);
        for (SseClient client : listeners) {
            try {
                client.sendEvent(event, json);
            } catch (RuntimeException e) {
                listeners.remove(client);
                LOG.debug("Dropped a live listener: {}", e.toString());
            }
        }
    }

    int listeners() {
        return listeners.size();
    }

    void close() {
        listeners.forEach(SseClient::close);
        listeners.clear();
    }
}
