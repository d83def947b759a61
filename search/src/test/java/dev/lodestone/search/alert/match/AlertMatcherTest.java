package dev.lodestone.search.alert.match;

import static dev.lodestone.search.alert.Fixtures.article;
import static dev.lodestone.search.alert.Fixtures.dawnMou;
import static dev.lodestone.search.alert.Fixtures.rule;
import static dev.lodestone.search.alert.Fixtures.tribuneMou;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.alert.Fixtures;
import dev.lodestone.search.index.ArticleIndex;
import dev.lodestone.search.query.QuerySyntax;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertMatcherTest {
    private static final Instant NOW = Instant.parse("2025-09-08T14:02:00Z");
    private static final TaggedArticle PTI = article("https://www.thenews.com.pk/latest/1350002-pti", "thenews.com.pk",
            "PTI demands details of secret minerals deal",
            "Sheikh Waqqas Akram asked whether a port at Pasni, close to Gwadar, had been offered. Prime Minister "
                    + "Sharīf's office did not respond. Shahbaz was signing other papers.",
            "story-pti", List.of("pti", "pasni", "gwadar"));

    private final AlertMatcher matcher = new AlertMatcher();

    @AfterEach
    void close() throws Exception {
        matcher.close();
    }

    @Test
    void anAlertFiresExactlyWhenTheSearchFindsTheArticle(@TempDir Path dir) throws Exception {
        List<String> queries = Fixtures.resource("/alert/search-queries.txt").lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        for (int i = 0; i < queries.size(); i++) {
            matcher.register(rule("q" + i, queries.get(i)));
        }
        List<TaggedArticle> articles = List.of(dawnMou(), tribuneMou(), PTI);
        List<String> disagreements = new ArrayList<>();
        int fired = 0;
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            for (TaggedArticle article : articles) {
                index.upsert(article);
            }
            index.refresh();
            for (TaggedArticle article : articles) {
                List<String> alerted = matcher.match(article, NOW).stream().map(m -> m.rule().id()).toList();
                fired += alerted.size();
                for (int i = 0; i < queries.size(); i++) {
                    BooleanQuery searchForArticle = new BooleanQuery.Builder()
                            .add(QuerySyntax.parse(queries.get(i)), BooleanClause.Occur.MUST)
                            .add(new TermQuery(new Term("id", article.id())), BooleanClause.Occur.FILTER)
                            .build();
                    boolean found = index.withSearcher(searcher -> searcher.count(searchForArticle)) == 1;
                    if (found != alerted.contains("q" + i)) {
                        disagreements.add(queries.get(i) + " on " + article.article().source()
                                + ": search " + found + ", alert " + !found);
                    }
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(fired > queries.size() / 2, "the fixture queries should fire often, fired " + fired);
    }

    @Test
    void aMatchSaysWhichWordsOfTheArticleMadeItFireInTheArticlesOrder() {
        matcher.register(rule("earths", "\"rare earths\" AND antimony AND entity:us-strategic-metals"));

        RuleMatch match = matcher.match(dawnMou(), NOW).get(0);

        assertEquals(List.of("antimony", "rare earths", "entity:us-strategic-metals"), match.matchedTerms());
        assertEquals("earths:story-mou", match.key());
    }

    @Test
    void aMatchCarriesTheArticleCutToItsFirstParagraph() {
        TaggedArticle twoParagraphs = article("https://www.dawn.com/news/1940002/antimony", "dawn.com", "Antimony ships",
                "  The first antimony left Karachi.\n\nOfficials said more would follow, naming Pasni.  ", "story-ship",
                List.of("pasni"));
        matcher.register(rule("pasni", "Pasni"));

        RuleMatch match = matcher.match(twoParagraphs, NOW).get(0);

        assertEquals("The first antimony left Karachi.", match.article().article().body());
        assertEquals(List.of("pasni"), match.matchedTerms(), "found in the paragraph left behind");
        assertEquals(twoParagraphs.article().contentHash(), match.article().article().contentHash());
    }

    @Test
    void filtersNarrowARuleAsTheSearchFiltersNarrowAResultList() {
        matcher.register(rule("any-source", "minerals"));
        matcher.register(rule("dawn-only", "minerals", Map.of("source", "dawn.com")));
        matcher.register(rule("pasni-entity", "minerals", Map.of("entity", "pasni")));
        matcher.register(rule("not-about", "minerals", Map.of("about", "false")));
        matcher.register(rule("that-day", "minerals", Map.of("from", "2025-09-08", "to", "2025-09-08")));
        matcher.register(rule("later", "minerals", Map.of("from", "2025-09-09")));

        assertEquals(List.of("any-source", "dawn-only", "that-day"), ruleIds(matcher.match(dawnMou(), NOW)));
        assertEquals(List.of("any-source", "pasni-entity", "that-day"), ruleIds(matcher.match(PTI, NOW)));
    }

    @Test
    void aMalformedRuleIsRefusedWithTheErrorAndItsPositionAndTheOthersStillMatch() {
        matcher.register(rule("fwo", "FWO"));

        InvalidRuleException error = assertThrows(InvalidRuleException.class,
                () -> matcher.register(rule("broken", "FWO AND (antimony")));
        matcher.register(rule("ussm", "\"US Strategic Metals\""));

        assertEquals("broken", error.ruleId());
        assertTrue(error.getMessage().startsWith("rule broken: Cannot parse 'FWO AND (antimony'"), error.getMessage());
        assertTrue(error.getMessage().contains("line 1, column "), error.getMessage());
        assertEquals(List.of("fwo", "ussm"), ruleIds(matcher.match(dawnMou(), NOW)));
    }

    @Test
    void aFilterTheSearchDoesNotKnowIsRefused() {
        InvalidRuleException error = assertThrows(InvalidRuleException.class,
                () -> matcher.register(rule("typo", "FWO", Map.of("sources", "dawn.com"))));

        assertEquals("rule typo: unknown filter 'sources', use one of entity, source, about, from, to",
                error.getMessage());
    }

    @Test
    void aRefusedEditKeepsTheRuleItWouldHaveReplaced() {
        matcher.register(rule("fwo", "FWO"));

        assertThrows(InvalidRuleException.class, () -> matcher.register(rule("fwo", "FWO AND")));

        assertEquals(List.of("fwo"), ruleIds(matcher.match(dawnMou(), NOW)));
    }

    @Test
    void aRuleEditedOrDeletedTakesEffectForTheNextArticle() {
        matcher.register(rule("watch", "Pasni"));
        matcher.register(rule("gone", "minerals"));
        assertEquals(List.of("gone", "watch"), ruleIds(matcher.match(PTI, NOW)));

        matcher.register(rule("watch", "antimony"));
        matcher.delete("gone");

        assertEquals(List.of(), ruleIds(matcher.match(PTI, NOW)));
        assertEquals(List.of("watch"), ruleIds(matcher.match(dawnMou(), NOW)));
    }

    @Test
    void rulesRegisteredInABatchAndThenOneAtATimeLeaveTheRuleIndexInAtMostTwoSegments() {
        List<AlertRule> batch = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            batch.add(rule("batch-" + i, "\"rare earths\" AND outlet" + i));
        }
        matcher.registerAll(batch);
        for (int i = 0; i < 20; i++) {
            matcher.register(rule("added-" + i, "antimony AND desk" + i));
        }

        assertTrue(matcher.ruleIndexSegments() <= 2, () -> matcher.ruleIndexSegments() + " segments");
        assertEquals(List.of("added-3"), ruleIds(matcher.match(article("https://example.org/a", "example.org",
                "Antimony for desk3", "Antimony prices rose.", "story-1", List.of()), NOW)));
    }

    private static List<String> ruleIds(List<RuleMatch> matches) {
        return matches.stream().map(match -> match.rule().id()).sorted().toList();
    }
}
