package dev.lodestone.search.alert.deliver;

import dev.lodestone.core.Alert;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last alerts seen, in memory and bounded, behind the live panel (server-sent events, through
 * {@link #subscribe}), {@code GET /api/alerts?rule=&since=} and the Atom feeds. Older alerts drop off the end;
 * the {@code lodestone.alerts} topic keeps them all.
 *
 * <p>Thread-safe: a topic reader adds while HTTP handlers read and subscribe.
 */
public final class RecentAlerts {
    /** An alert and when this buffer received it, the time {@code since} is compared with. */
    public record Received(Instant at, Alert alert) {}

    private static final Logger LOG = LoggerFactory.getLogger(RecentAlerts.class);

    private final int capacity;
    private final Clock clock;
    private final Deque<Received> alerts = new ArrayDeque<>();
    private final List<Consumer<Received>> listeners = new CopyOnWriteArrayList<>();

    public RecentAlerts(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Keeps {@code alert}, dropping the oldest when full, and tells every subscriber. */
    public void add(Alert alert) {
        Received received = new Received(clock.instant(), alert);
        synchronized (alerts) {
            if (alerts.size() == capacity) {
                alerts.removeFirst();
            }
            alerts.addLast(received);
        }
        for (Consumer<Received> listener : listeners) {
            try {
                listener.accept(received);
            } catch (RuntimeException e) {
                LOG.warn("An alert listener failed on {} and was skipped: {}", alert.id(), e.toString());
            }
        }
    }

    /**
     * The alerts received after {@code since} (all when null), of rule {@code ruleId} (all when null), oldest
     * first.
     */
    public List<Received> since(String ruleId, Instant since) {
        synchronized (alerts) {
            return alerts.stream()
                    .filter(r -> ruleId == null || ruleId.equals(r.alert().ruleId()))
                    .filter(r -> since == null || r.at().isAfter(since))
                    .toList();
        }
    }

    /** Calls {@code listener} with every alert added from now on, until the returned handle is closed. */
    public AutoCloseable subscribe(Consumer<Received> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
