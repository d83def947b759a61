package dev.lodestone.search.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.alert.match.AlertMatcher;
import dev.lodestone.search.alert.match.RuleMatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultRulesTest {
    private static final Instant NOW = Instant.parse("2025-10-05T10:00:00Z");

    @Test
    void theShippedRulesAreValidAndEachFiresOnTheArticleItIsFor() throws Exception {
        List<AlertRule> rules = DefaultRules.load(NOW);
        try (AlertMatcher matcher = new AlertMatcher()) {
            rules.forEach(matcher::register);

            assertEquals(List.of("coverage-of-the-deal", "frontier-works-organisation", "us-strategic-metals",
                    "pasni-port", "shipment-minerals-pakistan"), rules.stream().map(AlertRule::id).toList());
            assertEquals(List.of("frontier-works-organisation"),
                    fired(matcher, "FWO builds a road", false, "frontier-works-organisation"));
            assertEquals(List.of("us-strategic-metals"), fired(matcher, "Hastie visits", false, "stacy-hastie"));
            assertEquals(List.of("pasni-port"), fired(matcher, "A new port at Pasni?", false, "pasni"));
            assertEquals(List.of(), fired(matcher, "Fishing in Pasni", false, "pasni"));
            assertEquals(List.of("shipment-minerals-pakistan"),
                    fired(matcher, "Antimony leaves Karachi", false, "antimony", "pakistan"));
            assertEquals(List.of("coverage-of-the-deal"), fired(matcher, "Anything", true));
        }
    }

    private static List<String> fired(AlertMatcher matcher, String title, boolean about, String... entities) {
        String url = "https://example.pk/" + title.hashCode();
        Article article = new Article(Article.SCHEMA, ArticleId.of(url), url, null, "example.pk", title, null, title,
                NOW, "meta", NOW, "en", 1, null);
        TaggedArticle tagged = new TaggedArticle(TaggedArticle.SCHEMA, article, List.of(entities), Map.of(),
                List.of(), List.of(), about ? 1 : 0, about, List.of(), null, true, NOW);
        return matcher.match(tagged, NOW).stream().map(RuleMatch::rule).map(AlertRule::id).sorted().toList();
    }
}
