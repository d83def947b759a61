package dev.lodestone.core;

import java.util.List;

/**
 * A saved search that raises alerts, kept on the compacted {@link Topics#ALERT_RULES} topic keyed by id.
 *
 * @param query   a query in the search syntax
 * @param mode    {@code realtime}, {@code hourly} or {@code daily}
 * @param targets delivery targets, e.g. webhook URLs
 */
public record AlertRule(int schema, String id, String name, String query, String mode, List<String> targets) {
    public static final int SCHEMA = 1;

    public AlertRule {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
