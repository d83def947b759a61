package dev.lodestone.app.bench;

import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.newswire.SampleArticle;
import dev.lodestone.newswire.SampleArticles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An endless, deterministic stream of realistic articles for benchmarks: the sample newswire's texts, each
 * copy given its own URL so every one is a distinct article downstream.
 */
final class SyntheticArticles {
    private final List<SampleArticle> samples = SampleArticles.bundled().articles();

    Article article(int n) {
        SampleArticle sample = samples.get(n % samples.size());
        String url = "https://" + sample.outlet() + ".example/" + n + "/" + sample.slug();
        String body = String.join("\n\n", sample.paragraphs());
        Instant published = sample.publishedAt().plus(Duration.ofMinutes(n / samples.size()));
        return new Article(Article.SCHEMA, ArticleId.of(url), url, "https://" + sample.outlet() + ".example/feed",
                sample.outlet() + ".example", sample.title(), sample.author(), body, published, "feed",
                published.plusSeconds(30), "en", 1, ArticleId.sha256Hex(body));
    }
}
