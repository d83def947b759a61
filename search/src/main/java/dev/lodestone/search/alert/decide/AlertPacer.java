package dev.lodestone.search.alert.decide;

import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How fast a rule may speak to people: at most {@code maxPerHour} alerts in each clock hour, the rest held in
 * order for the next hour (never dropped), and for {@code hourly} or {@code daily} rules one digest per hour or
 * UTC day instead of each alert. Only alerts that tell something ({@code new}, {@code updated}) are paced;
 * anything else passes straight through.
 *
 * <p>Driven by the {@link Clock} it is given and by calls to {@link #due()}, never by a timer of its own, so a
 * test sets the time instead of sleeping. Not thread-safe: one delivery loop owns one pacer.
 */
public final class AlertPacer {
    public static final String DIGEST = "digest";
    private static final Set<String> PACED = Set.of(StoryAlerts.NEW, StoryAlerts.UPDATED);

    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();
    private final Map<String, Digest> digests = new HashMap<>();

    public AlertPacer(Clock clock) {
        this.clock = clock;
    }

    /** The alerts to deliver now because {@code alert} arrived: itself, or nothing when it is held or digested. */
    public List<Alert> offer(AlertRule rule, Alert alert) {
        if (!PACED.contains(alert.kind())) {
            return List.of(alert);
        }
        Instant now = clock.instant();
        if (!rule.mode().equals(AlertRule.REALTIME)) {
            Instant start = periodStart(rule.mode(), now);
            digests.computeIfAbsent(rule.id(), id -> new Digest(rule, start)).alerts.add(alert);
            return List.of();
        }
        Window window = windows.computeIfAbsent(rule.id(), id -> new Window(rule));
        window.rule = rule;
        window.roll(now);
        if (window.held.isEmpty() && window.hasRoom()) {
            window.sent++;
            return List.of(alert);
        }
        window.held.add(alert);
        return List.of();
    }

    /** The alerts whose time has come: held alerts a new hour has room for, and digests of closed periods. */
    public List<Alert> due() {
        Instant now = clock.instant();
        List<Alert> due = new ArrayList<>();
        for (Window window : windows.values()) {
            window.roll(now);
            while (!window.held.isEmpty() && window.hasRoom()) {
                window.sent++;
                due.add(window.held.poll());
            }
        }
        digests.values().removeIf(digest -> {
            if (now.isBefore(periodEnd(digest.rule.mode(), digest.start))) {
                return false;
            }
            due.add(digest.toAlert());
            return true;
        });
        return due;
    }

    private static Instant periodStart(String mode, Instant now) {
        return now.truncatedTo(mode.equals(AlertRule.DAILY) ? ChronoUnit.DAYS : ChronoUnit.HOURS);
    }

    private static Instant periodEnd(String mode, Instant start) {
        return start.plus(1, mode.equals(AlertRule.DAILY) ? ChronoUnit.DAYS : ChronoUnit.HOURS);
    }

    /** One rule's count in the current clock hour, and what waits for the next. */
    private static final class Window {
        AlertRule rule;
        Instant hour = Instant.MIN;
        int sent;
        final Deque<Alert> held = new ArrayDeque<>();

        Window(AlertRule rule) {
            this.rule = rule;
        }

        void roll(Instant now) {
            Instant current = now.truncatedTo(ChronoUnit.HOURS);
            if (!current.equals(hour)) {
                hour = current;
                sent = 0;
            }
        }

        boolean hasRoom() {
            return rule.maxPerHour() <= 0 || sent < rule.maxPerHour();
        }
    }

    /** The alerts of one rule collected over one period. */
    private static final class Digest {
        final AlertRule rule;
        final Instant start;
        final List<Alert> alerts = new ArrayList<>();

        Digest(AlertRule rule, Instant start) {
            this.rule = rule;
            this.start = start;
        }

        Alert toAlert() {
            Set<String> articleIds = new LinkedHashSet<>();
            Set<String> outlets = new LinkedHashSet<>();
            Set<String> terms = new LinkedHashSet<>();
            StringBuilder titles = new StringBuilder();
            for (Alert alert : alerts) {
                articleIds.addAll(alert.articleIds());
                outlets.addAll(alert.outlets());
                terms.addAll(alert.matchedTerms());
                titles.append("• ").append(alert.title()).append(" <").append(alert.url()).append(">\n");
            }
            String title = alerts.size() + (alerts.size() == 1 ? " alert" : " alerts") + " for " + rule.name();
            return new Alert(Alert.SCHEMA, rule.id() + ":" + DIGEST + ":" + start, DIGEST, rule.id(), rule.name(),
                    null, title, alerts.get(0).url(), titles.toString().strip(), new ArrayList<>(articleIds),
                    new ArrayList<>(outlets), new ArrayList<>(terms), alerts.get(0).timeline());
        }
    }
}
