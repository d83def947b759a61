package dev.lodestone.search.alert.match;

import static dev.lodestone.search.alert.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.index.ArticleIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePreviewTest {
    private static final Instant NOW = Instant.parse("2025-10-10T12:00:00Z");

    @Test
    void aPreviewCountsTheLastWeekAndMonthWithTheNewestSamples(@TempDir Path dir) throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            for (int daysAgo : new int[] {1, 2, 3, 5, 6, 8, 12, 20, 29, 45}) {
                index.upsert(antimonyArticle(daysAgo));
            }
            index.upsert(otherArticle());
            index.refresh();

            RulePreview.Preview preview = index.withSearcher(
                    searcher -> RulePreview.of(rule("ant", "antimony"), searcher, NOW));

            assertEquals(5, preview.lastWeek());
            assertEquals(9, preview.lastMonth());
            assertEquals(List.of("Antimony, 1 days ago", "Antimony, 2 days ago", "Antimony, 3 days ago",
                    "Antimony, 5 days ago", "Antimony, 6 days ago"),
                    preview.samples().stream().map(RulePreview.Sample::title).toList());
            assertEquals(NOW.minus(Duration.ofDays(1)), preview.samples().get(0).publishedAt());
        }
    }

    @Test
    void aPreviewAppliesTheRulesFilters(@TempDir Path dir) throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.upsert(antimonyArticle(1));
            index.refresh();

            RulePreview.Preview preview = index.withSearcher(searcher -> RulePreview.of(
                    rule("ant", "antimony", Map.of("source", "reuters.com")), searcher, NOW));

            assertEquals(0, preview.lastMonth());
        }
    }

    @Test
    void aMalformedRuleIsRefusedBeforeItIsSaved(@TempDir Path dir) throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            assertThrows(InvalidRuleException.class, () -> index.withSearcher(
                    searcher -> RulePreview.of(rule("ant", "antimony OR"), searcher, NOW)));
        }
    }

    private static TaggedArticle antimonyArticle(int daysAgo) {
        return tagged("https://dawn.com/" + daysAgo, "Antimony, " + daysAgo + " days ago", "Antimony exports.",
                NOW.minus(Duration.ofDays(daysAgo)));
    }

    private static TaggedArticle otherArticle() {
        return tagged("https://dawn.com/cricket", "Cricket", "A match in Lahore.", NOW.minus(Duration.ofDays(1)));
    }

    private static TaggedArticle tagged(String url, String title, String body, Instant published) {
        Article article = new Article(Article.SCHEMA, ArticleId.of(url), url, null, "dawn.com", title, null, body,
                published, "meta", published, "en", 1, null);
        return new TaggedArticle(TaggedArticle.SCHEMA, article, List.of(), Map.of(), List.of(), List.of(), 0.5, false,
                List.of(), null, true, published);
    }
}
