package dev.lodestone.search.alert;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.Json;
import dev.lodestone.core.MalformedRecordException;
import dev.lodestone.core.Topics;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert rules as they stand, read from the compacted {@link Topics#ALERT_RULES} topic: every partition from
 * the beginning, with no consumer group, so that every instance holds every rule and a restart rebuilds them.
 * Edits arrive while it runs and reach the {@linkplain Listener listeners} at once, so a rule edited or deleted
 * takes effect for the next article matched.
 *
 * <p>A record that is not a rule is logged and skipped; it never stops the reader.
 */
public final class AlertRuleReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRuleReader.class);

    /**
     * Told of the rules changed by each batch of records, by id: the rule as it now stands, or null for a
     * deleted rule. Batches keep registration cheap when thousands of rules are read at start.
     */
    public interface Listener {
        void rulesChanged(Map<String, AlertRule> changed);
    }

    private final Map<String, AlertRule> rules = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final TopicReader reader;

    public AlertRuleReader(String bootstrapServers, String clientId) {
        this.reader = new TopicReader(bootstrapServers, clientId, Topics.ALERT_RULES, (records, caughtUp) -> {
            if (!records.isEmpty()) {
                apply(records);
            }
        });
    }

    /** Adds {@code listener} and tells it every rule already known, so it may be added at any time. */
    public synchronized void addListener(Listener listener) {
        if (!rules.isEmpty()) {
            listener.rulesChanged(new LinkedHashMap<>(rules));
        }
        listeners.add(listener);
    }

    public void start() {
        reader.start();
    }

    /** Waits until the rules present at start have been read; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return reader.awaitCaughtUp(timeout);
    }

    /**
     * Whether the rules topic had never held a record when reading started: not even a deleted rule. Only then
     * are the {@linkplain DefaultRules default rules} published, so a user's deletions are never undone.
     */
    public boolean neverWritten() {
        return reader.neverWritten();
    }

    public Optional<AlertRule> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public Collection<AlertRule> rules() {
        return List.copyOf(rules.values());
    }

    @Override
    public void close() throws InterruptedException {
        reader.close();
    }

    private synchronized void apply(ConsumerRecords<String, byte[]> records) {
        Map<String, AlertRule> changed = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            AlertRule rule;
            try {
                rule = record.value() == null ? null : Json.fromBytes(record.value(), AlertRule.class);
            } catch (MalformedRecordException e) {
                LOG.warn("Alert rule {} at {}-{} offset {} skipped: {}", record.key(), record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                continue;
            }
            String id = rule == null ? record.key() : rule.id();
            if (id == null) {
                LOG.warn("Alert rule deletion at {}-{} offset {} skipped: it has no key", record.topic(),
                        record.partition(), record.offset());
                continue;
            }
            if (rule == null) {
                rules.remove(id);
            } else {
                rules.put(id, rule);
            }
            changed.put(id, rule);
        }
        if (!changed.isEmpty()) {
            for (Listener listener : listeners) {
                listener.rulesChanged(changed);
            }
        }
    }
}
