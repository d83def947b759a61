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
 * How fast a rule may push alerts to people: at most {@code maxPerHour} alerts in each clock hour, the rest held
 * in order for the next hours (never dropped), and for {@code hourly} or {@code daily} rules one digest per hour
 * or UTC day instead of each alert. Only alerts that tell something ({@code new}, {@code updated}) are paced;
 * copies and coverage alerts pass straight through.
 *
 * <p>The pacer decides; it does not keep anything that matters. Its verdict is written on the alert itself
 * ({@link Alert#pacing()}) and published, so after a restart the alerts on the topic are {@linkplain #restore
 * offered back} and the pacer holds again exactly what it held before.
 *
 * <p>Driven by the {@link Clock} it is given and by calls to {@link #due()}, never by a timer of its own, so a
 * test sets the time instead of sleeping. Not thread-safe: one decision loop owns one pacer.
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

    /** What is due now: held alerts a new hour has room for, and digests of closed periods. */
    public record Due(List<Alert> released, List<Digest> digests) {
        public boolean isEmpty() {
            return released.isEmpty() && digests.isEmpty();
        }
    }

    /**
     * The pacing of {@code alert}, offered now: null to push it at once, {@link Alert#HELD} when its rule's hour
     * is full, {@link Alert#DIGEST_PENDING} when its rule sends digests.
     */
    public String offer(AlertRule rule, Alert alert) {
        if (!PACED.contains(alert.kind())) {
            return null;
        }
        Instant now = clock.instant();
        if (!rule.mode().equals(AlertRule.REALTIME)) {
            digestOf(rule, now).alerts.add(alert);
            return Alert.DIGEST_PENDING;
        }
        Window window = window(rule);
        window.roll(now);
        if (window.held.isEmpty() && window.hasRoom()) {
            window.sent++;
            return null;
        }
        window.held.add(alert);
        return Alert.HELD;
    }

    /**
     * Takes back an alert read from the alerts topic after a restart, in the order they were matched: a held
     * alert joins its rule's queue, and one waiting for a digest joins the digest of the period it was matched in.
     */
    public void restore(AlertRule rule, Alert alert) {
        Instant matched = alert.timeline() == null ? null : alert.timeline().matched();
        if (matched == null) {
            return;
        }
        if (Alert.HELD.equals(alert.pacing())) {
            window(rule).held.add(alert);
        } else if (Alert.DIGEST_PENDING.equals(alert.pacing())) {
            digestOf(rule, matched).alerts.add(alert);
        }
    }

    /** Counts, after a restart, an alert of {@code rule} pushed at {@code pushedAt} against that hour's limit. */
    public void restorePushed(AlertRule rule, Instant pushedAt) {
        Window window = window(rule);
        window.roll(clock.instant());
        if (window.hour.equals(pushedAt.truncatedTo(ChronoUnit.HOURS))) {
            window.sent++;
        }
    }

    /** The alerts whose time has come, each returned once. */
    public Due due() {
        Instant now = clock.instant();
        List<Alert> released = new ArrayList<>();
        for (Window window : windows.values()) {
            window.roll(now);
            while (!window.held.isEmpty() && window.hasRoom()) {
                window.sent++;
                released.add(window.held.poll());
            }
        }
        List<Digest> closed = new ArrayList<>();
        digests.values().removeIf(digest -> {
            if (now.isBefore(periodEnd(digest.rule.mode(), digest.start))) {
                return false;
            }
            closed.add(new Digest(digest.rule(), digest.start(), List.copyOf(digest.alerts())));
            return true;
        });
        return new Due(released, closed);
    }

    /**
     * The digest of {@code alerts}, the latest versions of those collected for {@code rule} over the period that
     * began at {@code start}; its id names the rule and the period, so it is delivered once.
     */
    public static Alert digest(AlertRule rule, Instant start, List<Alert> alerts) {
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

    private Window window(AlertRule rule) {
        Window window = windows.computeIfAbsent(rule.id(), id -> new Window());
        window.rule = rule;
        return window;
    }

    private Digest digestOf(AlertRule rule, Instant at) {
        String mode = rule.mode().equals(AlertRule.DAILY) ? AlertRule.DAILY : AlertRule.HOURLY;
        Instant start = at.truncatedTo(mode.equals(AlertRule.DAILY) ? ChronoUnit.DAYS : ChronoUnit.HOURS);
        return digests.computeIfAbsent(rule.id() + " " + start, key -> new Digest(rule, start, new ArrayList<>()));
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

    /**
     * The alerts of one rule collected over the period that began at {@code start}, as they were when offered:
     * the caller digests their latest versions.
     */
    public record Digest(AlertRule rule, Instant start, List<Alert> alerts) {}
}
