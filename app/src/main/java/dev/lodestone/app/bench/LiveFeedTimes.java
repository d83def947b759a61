package dev.lodestone.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Json;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each article was first announced on the search page's live feed ({@code /api/live}, server-sent
 * events): as an {@code article} event, when it became searchable, and among the {@code articleIds} of an
 * {@code alert} event, when it was alerted on (a story's later copies join its alert, which is sent again).
 *
 * <p>Fed one line of the stream at a time, from one thread; read from any.
 */
final class LiveFeedTimes {
    private final Map<String, Long> searchableAt = new ConcurrentHashMap<>();
    private final Map<String, Long> alertedAt = new ConcurrentHashMap<>();
    private String event = "";

    /** Takes the next line of the event stream, received at {@code nanos} ({@link System#nanoTime()}). */
    void line(String line, long nanos) {
        if (line.startsWith("event:")) {
            event = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
            data(line.substring(5), nanos);
        } else if (line.isEmpty()) {
            event = "";
        }
    }

    /** Article id to when it became searchable. */
    Map<String, Long> searchableAt() {
        return searchableAt;
    }

    /** Article id to when it was first part of an alert. */
    Map<String, Long> alertedAt() {
        return alertedAt;
    }

    private void data(String data, long nanos) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(data);
        } catch (IOException e) {
            return;
        }
        switch (event) {
            case "article" -> searchableAt.putIfAbsent(json.path("id").asText(), nanos);
            case "alert" -> json.path("articleIds").forEach(id -> alertedAt.putIfAbsent(id.asText(), nanos));
            default -> { }
        }
    }
}
