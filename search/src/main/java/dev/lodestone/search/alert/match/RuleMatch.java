package dev.lodestone.search.alert.match;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One rule matched one article, as published on {@link Topics#ALERT_MATCHES} under {@link #key()}. The rule
 * travels with the match as it stood when it matched, so deciding what to publish never races a later edit.
 *
 * @param matchedTerms why it fired: the words of the article that the query found ({@code rare earths}), and
 *                     exact-term clauses as {@code field:value} ({@code entity:pasni})
 */
public record RuleMatch(int schema, AlertRule rule, TaggedArticle article, List<String> matchedTerms, Instant matchedAt) {
    public static final int SCHEMA = 1;

    public RuleMatch {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(article, "article");
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
    }

    /** {@code ruleId:storyId}: the record key, so that one consumer owns each (rule, story). */
    public String key() {
        return key(rule.id(), article.storyId());
    }

    public static String key(String ruleId, String storyId) {
        return ruleId + ":" + storyId;
    }
}
