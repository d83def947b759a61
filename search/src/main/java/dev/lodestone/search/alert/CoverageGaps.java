package dev.lodestone.search.alert;

import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.FeedState;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Source health for the people who rely on alerts: silence from a rule may mean "no news" or "a feed is broken",
 * and only the second deserves a warning. When a watched feed has been failing for longer than
 * {@code threshold} (default one hour), every rule with owners gets a {@code gap} alert naming the feed and the
 * last error; when the feed succeeds again, a {@code gap-closed} alert with the same id. Each gap is reported
 * once, however many failed polls it spans.
 *
 * <p>Takes feed states and the time as values and keeps only which gaps are open; feed it every state from
 * {@code lodestone.feeds} and call {@link #check} on a timer, so a feed that stops being polled at all is still
 * noticed. Not thread-safe.
 */
public final class CoverageGaps {
    public static final Duration DEFAULT_THRESHOLD = Duration.ofHours(1);
    public static final String GAP = "gap";
    public static final String GAP_CLOSED = "gap-closed";

    private final Duration threshold;
    private final Map<String, FeedState> feeds = new HashMap<>();
    /** Open gaps: the feed URL and the instant its last success dates from (its failures' start). */
    private final Map<String, Instant> open = new HashMap<>();

    public CoverageGaps(Duration threshold) {
        this.threshold = threshold;
    }

    /** The alerts caused by {@code state}, the feed's latest, at {@code now}. */
    public List<Alert> update(FeedState state, Collection<AlertRule> rules, Instant now) {
        feeds.put(state.url(), state);
        List<Alert> alerts = new ArrayList<>();
        if (state.consecutiveFailures() == 0 && open.containsKey(state.url())) {
            Instant since = open.remove(state.url());
            alerts.addAll(forOwners(rules, state, since, GAP_CLOSED, now));
        }
        alerts.addAll(gapIfLongEnough(state, rules, now));
        return alerts;
    }

    /** The gaps that have crossed the threshold by {@code now}, with no new state needed. */
    public List<Alert> check(Collection<AlertRule> rules, Instant now) {
        List<Alert> alerts = new ArrayList<>();
        for (FeedState state : feeds.values()) {
            alerts.addAll(gapIfLongEnough(state, rules, now));
        }
        return alerts;
    }

    private List<Alert> gapIfLongEnough(FeedState state, Collection<AlertRule> rules, Instant now) {
        if (state.consecutiveFailures() == 0 || open.containsKey(state.url())) {
            return List.of();
        }
        Instant since = state.lastSuccess() != null ? state.lastSuccess() : state.lastAttempt();
        if (since == null || Duration.between(since, now).compareTo(threshold) < 0) {
            return List.of();
        }
        open.put(state.url(), since);
        return forOwners(rules, state, since, GAP, now);
    }

    private static List<Alert> forOwners(Collection<AlertRule> rules, FeedState feed, Instant since, String kind,
                                         Instant now) {
        String name = feed.title() != null && !feed.title().isBlank() ? feed.title() : feed.url();
        String title = kind.equals(GAP)
                ? "Coverage gap: no news from " + name + " since " + since
                : "Coverage restored: " + name + " works again (silent since " + since + ")";
        String snippet = kind.equals(GAP) ? "Last error: " + feed.lastError() : "";
        String host = URI.create(feed.url()).getHost();
        List<Alert> alerts = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (!rule.owners().isEmpty()) {
                String id = rule.id() + ":gap:" + ArticleId.sha256Hex(feed.url()).substring(0, 12) + ":" + since;
                alerts.add(new Alert(Alert.SCHEMA, id, kind, rule.id(), rule.name(), null, title, feed.url(), snippet,
                        List.of(), host == null ? List.of() : List.of(host), List.of(),
                        new Alert.Timeline(null, null, null, now, null)));
            }
        }
        return alerts;
    }
}
