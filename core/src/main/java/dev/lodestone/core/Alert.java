package dev.lodestone.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One alert: a rule matched a story. Later copies of the story from other outlets join {@code articleIds} and
 * {@code outlets} (the alert is re-published with the same id) instead of raising new alerts.
 *
 * @param id           stable id, {@code ruleId + ":" + storyId} (+ {@code ":updated:" + revision} for updates);
 *                     also the idempotency key of every delivery
 * @param kind         {@code new}, {@code updated}, {@code copy} (another outlet joined), {@code digest} (an
 *                     hourly or daily summary), {@code gap} or {@code gap-closed} (a watched feed went silent /
 *                     came back)
 * @param matchedTerms why it fired: the query terms found in the article
 * @param timeline     when the first article was published, fetched, tagged, matched and the alert delivered
 * @param pacing       why a {@code new} or {@code updated} alert is not pushed to webhooks (yet): {@value #HELD}
 *                     (its rule's hourly limit is reached; it is re-published without this once an hour has
 *                     room), {@value #DIGEST_PENDING} (it waits for its rule's hourly or daily digest) or
 *                     {@value #DIGESTED} (it went out in one); null when it is pushed as it is. Kept on the
 *                     record, not in memory, so that a restart holds back exactly what was held back before
 */
public record Alert(
        int schema,
        String id,
        String kind,
        String ruleId,
        String ruleName,
        String storyId,
        String title,
        String url,
        String snippet,
        List<String> articleIds,
        List<String> outlets,
        List<String> matchedTerms,
        Timeline timeline,
        String pacing) {

    public static final int SCHEMA = 1;
    public static final String HELD = "held";
    public static final String DIGEST_PENDING = "digest-pending";
    public static final String DIGESTED = "digested";

    public Alert {
        Objects.requireNonNull(id, "id");
        articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
    }

    /** An alert pushed as it is, with no pacing. */
    public Alert(int schema, String id, String kind, String ruleId, String ruleName, String storyId, String title,
                 String url, String snippet, List<String> articleIds, List<String> outlets, List<String> matchedTerms,
                 Timeline timeline) {
        this(schema, id, kind, ruleId, ruleName, storyId, title, url, snippet, articleIds, outlets, matchedTerms,
                timeline, null);
    }

    /** This alert, of another kind and pacing. */
    public Alert with(String kind, String pacing) {
        return new Alert(schema, id, kind, ruleId, ruleName, storyId, title, url, snippet, articleIds, outlets,
                matchedTerms, timeline, pacing);
    }

    /** This alert with another timeline. */
    public Alert with(Timeline timeline) {
        return new Alert(schema, id, kind, ruleId, ruleName, storyId, title, url, snippet, articleIds, outlets,
                matchedTerms, timeline, pacing);
    }

    /** The life of an alert, for latency measurement and for users asking "why so late?". */
    public record Timeline(Instant published, Instant fetched, Instant tagged, Instant matched, Instant delivered) {}
}
