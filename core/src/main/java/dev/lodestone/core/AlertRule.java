package dev.lodestone.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A saved search that raises alerts, kept on the compacted {@link Topics#ALERT_RULES} topic keyed by id (a
 * null value deletes the rule), so every instance sees the same rules and a restart keeps them.
 *
 * @param query         a query in the search syntax (the same as {@code /api/search?q=})
 * @param filters       the search page's filters, by name ({@code entity}, {@code source}, {@code about},
 *                      {@code from}, {@code to}), combined with the query by AND
 * @param mode          {@code realtime}, {@code hourly} or {@code daily}
 * @param maxPerHour    at most this many alerts per hour from this rule; later ones wait for the next hour
 * @param notifyUpdates whether a new revision of an alerted article whose title or lead changed raises an
 *                      "updated" alert
 * @param targets       where alerts go besides the page, the Atom feed and the alerts topic
 * @param owners        who is told when a watched feed goes silent (e-mail addresses or names)
 */
public record AlertRule(
        int schema,
        String id,
        String name,
        String query,
        Map<String, String> filters,
        String mode,
        int maxPerHour,
        boolean notifyUpdates,
        List<DeliveryTarget> targets,
        List<String> owners,
        Instant createdAt,
        Instant updatedAt) {

    public static final int SCHEMA = 1;
    public static final String REALTIME = "realtime";
    public static final String HOURLY = "hourly";
    public static final String DAILY = "daily";

    public AlertRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(query, "query");
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        mode = mode == null ? REALTIME : mode;
        targets = targets == null ? List.of() : List.copyOf(targets);
        owners = owners == null ? List.of() : List.copyOf(owners);
    }

    /**
     * A place alerts are delivered to.
     *
     * @param type   {@code webhook} (a JSON POST)
     * @param url    the endpoint
     * @param secret shared secret for the HMAC signature header; null for unsigned
     */
    public record DeliveryTarget(String type, String url, String secret) {}
}
