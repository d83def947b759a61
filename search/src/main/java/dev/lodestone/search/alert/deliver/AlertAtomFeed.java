package dev.lodestone.search.alert.deliver;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Atom 1.0 feed of one rule, served at {@code /alerts/{ruleId}.atom} for feed readers. One entry per alert
 * id, newest first: a copy that joined an alert replaces the alert's entry (same id, "also in" grown) rather
 * than adding one, so a reader shows each story once; an update has its own id and entry.
 */
public final class AlertAtomFeed {
    private AlertAtomFeed() {}

    /** The feed of {@code rule} over {@code alerts} (any order; later states of one alert win). */
    public static String render(AlertRule rule, List<Alert> alerts) {
        Map<String, Alert> latest = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            if (rule.id().equals(alert.ruleId())) {
                latest.put(alert.id(), alert);
            }
        }
        List<Alert> entries = new ArrayList<>(latest.values());
        entries.sort(Comparator.comparing(AlertAtomFeed::when).reversed());
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri("urn:lodestone:rule:" + rule.id());
        feed.setTitle("Lodestone alerts: " + rule.name());
        feed.setDescription(rule.query());
        feed.setPublishedDate(Date.from(entries.isEmpty() ? rule.updatedAt() == null ? Instant.EPOCH
                : rule.updatedAt() : when(entries.get(0))));
        feed.setEntries(entries.stream().map(AlertAtomFeed::entry).toList());
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("could not write the Atom feed of rule " + rule.id(), e);
        }
    }

    private static SyndEntry entry(Alert alert) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:lodestone:alert:" + alert.id());
        entry.setTitle(alert.kind().equals("updated") ? "Updated: " + alert.title() : alert.title());
        if (alert.url() != null) {
            entry.setLink(alert.url());
        }
        Date when = Date.from(when(alert));
        entry.setPublishedDate(when);
        entry.setUpdatedDate(when);
        SyndContent summary = new SyndContentImpl();
        summary.setType("text");
        StringBuilder text = new StringBuilder(alert.snippet() == null ? "" : alert.snippet());
        if (alert.outlets().size() > 1) {
            text.append("\nAlso in: ").append(String.join(", ", alert.outlets().subList(1, alert.outlets().size())));
        }
        if (!alert.matchedTerms().isEmpty()) {
            text.append("\nWhy: ").append(String.join(", ", alert.matchedTerms()));
        }
        summary.setValue(text.toString().strip());
        entry.setDescription(summary);
        return entry;
    }

    private static Instant when(Alert alert) {
        Alert.Timeline timeline = alert.timeline();
        if (timeline == null) {
            return Instant.EPOCH;
        }
        return timeline.matched() != null ? timeline.matched()
                : timeline.published() != null ? timeline.published() : Instant.EPOCH;
    }
}
