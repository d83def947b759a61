package dev.lodestone.search.alert.deliver;

import dev.lodestone.core.AlertRule;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link WebhookDelivery} for each distinct webhook URL the rules name, kept in step with the rules: a URL
 * that appears starts a delivery, one that no rule names any more stops its delivery, and a changed secret
 * restarts it. Several rules naming one URL share its delivery, since its consumer group is per URL.
 *
 * <p>A delivery started for a new URL begins with the alerts published from the time the rules naming it were
 * saved, so the first alerts of a rule created a moment ago are not lost while its delivery joins its group.
 */
public final class WebhookTargets implements AutoCloseable {
    public static final String WEBHOOK = "webhook";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookTargets.class);

    private final String bootstrapServers;
    private final Function<String, Optional<AlertRule>> rules;
    private final Backoff backoff;
    private final Clock clock;
    private final Map<String, Running> running = new HashMap<>();
    private boolean closed;

    private record Running(AlertRule.DeliveryTarget target, WebhookDelivery delivery) {}

    /** @param rules the current rule of each id, which each delivery checks before sending */
    public WebhookTargets(String bootstrapServers, Function<String, Optional<AlertRule>> rules, Backoff backoff,
                          Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.rules = rules;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Starts and stops deliveries so that there is one per webhook URL in {@code current}, all the rules now. */
    public synchronized void follow(Collection<AlertRule> current) throws InterruptedException {
        if (closed) {
            return;
        }
        Map<String, AlertRule.DeliveryTarget> wanted = new LinkedHashMap<>();
        Map<String, Instant> savedAt = new HashMap<>();
        for (AlertRule rule : current) {
            for (AlertRule.DeliveryTarget target : rule.targets()) {
                if (WEBHOOK.equals(target.type())) {
                    wanted.putIfAbsent(target.url(), target);
                    Instant saved = Objects.requireNonNullElseGet(rule.updatedAt(), clock::instant);
                    savedAt.merge(target.url(), saved, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        for (var it = running.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getValue().target().equals(wanted.get(entry.getKey()))) {
                entry.getValue().delivery().close();
                it.remove();
                LOG.info("Webhook {} stopped: no rule names it as it was", entry.getKey());
            }
        }
        wanted.forEach((url, target) -> {
            if (!running.containsKey(url)) {
                WebhookDelivery delivery = new WebhookDelivery(bootstrapServers, target, rules, backoff, clock,
                        savedAt.get(url));
                delivery.start();
                running.put(url, new Running(target, delivery));
                LOG.info("Webhook {} started", url);
            }
        });
    }

    /** The webhook URLs delivered to now. */
    public synchronized Collection<String> urls() {
        return List.copyOf(running.keySet());
    }

    @Override
    public synchronized void close() throws InterruptedException {
        closed = true;
        for (Running target : running.values()) {
            target.delivery().close();
        }
        running.clear();
    }
}
