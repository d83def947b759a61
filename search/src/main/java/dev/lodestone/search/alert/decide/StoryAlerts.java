package dev.lodestone.search.alert.decide;

import dev.lodestone.core.Alert;
import dev.lodestone.core.Article;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.alert.match.RuleMatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a match means for the alert of its (rule, story): one alert per story, however many outlets carry it.
 *
 * <ul>
 *   <li>The first match of a story raises a {@code new} alert, headlined by that article.
 *   <li>An article of the story from another URL is a {@code copy}: it joins the alert's articles and outlets
 *       ("also in: ...") and the alert is re-published under the same id, never as a new alert; it keeps the
 *       alert's pacing, so joining a held alert does not release it.
 *   <li>A later revision of the headline article whose title or lead changed raises an {@code updated} alert,
 *       when the rule asks for updates; its id carries the revision, so each edit is delivered once.
 *   <li>Anything else (the same revision delivered again, a revision that only changed the body further down,
 *       an edit of a copy) changes nothing, so matching the same article twice never alerts twice.
 * </ul>
 *
 * <p>Pure: the current alert comes in, the next one comes out; where they are kept is the caller's business.
 */
public final class StoryAlerts {
    public static final String NEW = "new";
    public static final String COPY = "copy";
    public static final String UPDATED = "updated";
    /** Roughly how long a lead is, in characters. */
    static final int LEAD_LENGTH = 280;

    private StoryAlerts() {}

    /**
     * The alert to publish for {@code match}, or empty when the match adds nothing.
     *
     * @param current the latest alert of the match's (rule, story), null when there is none
     */
    public static Optional<Alert> decide(RuleMatch match, Alert current) {
        TaggedArticle tagged = match.article();
        Article article = tagged.article();
        String id = match.key();
        if (current == null) {
            return Optional.of(new Alert(Alert.SCHEMA, id, NEW, match.rule().id(), match.rule().name(),
                    tagged.storyId(), article.title(), article.url(), lead(article.body()), List.of(article.id()),
                    outlet(article), match.matchedTerms(), timeline(match)));
        }
        if (!current.articleIds().contains(article.id())) {
            return Optional.of(new Alert(Alert.SCHEMA, id, COPY, current.ruleId(), current.ruleName(),
                    current.storyId(), current.title(), current.url(), current.snippet(),
                    append(current.articleIds(), List.of(article.id())), append(current.outlets(), outlet(article)),
                    append(current.matchedTerms(), match.matchedTerms()), current.timeline(), current.pacing()));
        }
        boolean headline = article.url().equals(current.url());
        boolean changed = !article.title().equals(current.title()) || !lead(article.body()).equals(current.snippet());
        if (headline && changed && match.rule().notifyUpdates()) {
            return Optional.of(new Alert(Alert.SCHEMA, id + ":updated:" + article.revision(), UPDATED,
                    current.ruleId(), match.rule().name(), current.storyId(), article.title(), article.url(),
                    lead(article.body()), current.articleIds(), current.outlets(), match.matchedTerms(),
                    timeline(match)));
        }
        return Optional.empty();
    }

    /** The opening of a body: its first paragraph, cut at a word near {@value #LEAD_LENGTH} characters. */
    public static String lead(String body) {
        String text = RuleMatch.firstParagraph(body).replaceAll("\\s+", " ");
        if (text.length() <= LEAD_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', LEAD_LENGTH);
        return text.substring(0, cut > 0 ? cut : LEAD_LENGTH) + " …";
    }

    private static Alert.Timeline timeline(RuleMatch match) {
        Article article = match.article().article();
        return new Alert.Timeline(article.publishedAt(), article.fetchedAt(), match.article().taggedAt(),
                match.matchedAt(), null);
    }

    private static List<String> outlet(Article article) {
        return article.source() == null ? List.of() : List.of(article.source());
    }

    private static List<String> append(List<String> first, List<String> more) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(more);
        return new ArrayList<>(all);
    }
}
