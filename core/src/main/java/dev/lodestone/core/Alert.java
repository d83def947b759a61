package dev.lodestone.core;

import java.time.Instant;
import java.util.List;

/**
 * One alert: a rule matched a story. Later copies of the story join {@code articleIds} instead of
 * raising new alerts.
 *
 * @param matchedTerms why it fired
 */
public record Alert(
        int schema,
        String id,
        String ruleId,
        String storyId,
        List<String> articleIds,
        List<String> matchedTerms,
        Instant firedAt) {

    public static final int SCHEMA = 1;

    public Alert {
        articleIds = articleIds == null ? List.of() : List.copyOf(articleIds);
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
    }
}
