package dev.lodestone.search.alert.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.alert.match.bench.NaiveMatcher;
import dev.lodestone.search.alert.match.bench.SyntheticNews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark compares like with like: on its generated rules and articles, both ways find the same rules. */
class MonitorAgreesWithNaiveMatchingTest {
    @Test
    void theMonitorFindsExactlyTheRulesThatMatchOneByOne() throws Exception {
        SyntheticNews news = new SyntheticNews(7);
        NaiveMatcher naive = new NaiveMatcher();
        int matches = 0;
        try (AlertMatcher monitor = new AlertMatcher()) {
            List<AlertRule> rules = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                rules.add(news.rule(i));
            }
            assertEquals(List.of(), monitor.registerAll(rules));
            rules.forEach(naive::register);
            for (int i = 0; i < 100; i++) {
                TaggedArticle article = news.article(i, 540);
                List<String> byMonitor = monitor.match(article, Instant.EPOCH).stream()
                        .map(match -> match.rule().id()).sorted().toList();
                List<String> oneByOne = naive.match(article).stream().sorted().toList();
                assertEquals(oneByOne, byMonitor, "article " + i);
                matches += oneByOne.size();
            }
        }
        assertTrue(matches > 40, "the generated rules should match now and then, matched " + matches);
    }
}
