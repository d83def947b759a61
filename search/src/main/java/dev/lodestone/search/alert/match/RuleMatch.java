package dev.lodestone.search.alert.match;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.Article;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One rule matched one article, as published on {@link Topics#ALERT_MATCHES} under {@link #key()}. The rule
 * travels with the match as it stood when it matched, so deciding what to publish never races a later edit.
 * The article travels {@linkplain #of lean}: an alert shows its title and lead, and the full text would cross
 * the topic once for every rule it matches.
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

    /**
     * The match, with the article cut to what an alert needs: its body to the {@linkplain #firstParagraph first
     * paragraph}, without mentions or quotes.
     */
    public static RuleMatch of(AlertRule rule, TaggedArticle article, List<String> matchedTerms, Instant matchedAt) {
        Article full = article.article();
        TaggedArticle lean = new TaggedArticle(article.schema(), full.withText(full.title(), firstParagraph(full.body())),
                article.entities(), article.entityKinds(), List.of(), List.of(), article.relevance(), article.about(),
                article.reasons(), article.storyId(), article.firstInStory(), article.taggedAt());
        return new RuleMatch(SCHEMA, rule, lean, matchedTerms, matchedAt);
    }

    /** The body's first paragraph, whitespace at its ends removed: where an alert's lead comes from. */
    public static String firstParagraph(String body) {
        String text = body.strip();
        int paragraph = text.indexOf("\n\n");
        return paragraph > 0 ? text.substring(0, paragraph) : text;
    }

    /** {@code ruleId:storyId}: the record key, so that one consumer owns each (rule, story). */
    public String key() {
        return key(rule.id(), article.storyId());
    }

    public static String key(String ruleId, String storyId) {
        return ruleId + ":" + storyId;
    }
}
