package dev.lodestone.search.alert;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.TaggedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Articles and rules about the minerals deal, as analyze and the rules API would publish them. */
public final class Fixtures {
    public static final Instant PUBLISHED = Instant.parse("2025-09-08T14:00:00Z");

    private Fixtures() {}

    /** An about-the-deal article from {@code source}, first revision, in story {@code storyId}. */
    public static TaggedArticle article(String url, String source, String title, String body, String storyId,
                                        List<String> entities) {
        return revision(url, source, title, body, storyId, entities, 1);
    }

    public static TaggedArticle revision(String url, String source, String title, String body, String storyId,
                                         List<String> entities, int revision) {
        Article article = new Article(Article.SCHEMA, ArticleId.of(url), url, "https://" + source + "/feed", source,
                title, null, body, PUBLISHED, "json-ld", PUBLISHED.plusSeconds(60), "en", revision,
                ArticleId.sha256Hex(title + body));
        return new TaggedArticle(TaggedArticle.SCHEMA, article, entities, Map.of(), List.of(), List.of(), 0.9, true,
                List.of(), storyId, revision == 1, PUBLISHED.plusSeconds(90));
    }

    /** The MoU story as Dawn broke it. */
    public static TaggedArticle dawnMou() {
        return article("https://www.dawn.com/news/1940001/fwo-signs-500m-minerals-deal", "dawn.com",
                "FWO signs $500m minerals deal with US Strategic Metals",
                "The Frontier Works Organisation signed a memorandum of understanding worth $500 million with "
                        + "Missouri-based US Strategic Metals on Monday. The agreement covers antimony, copper "
                        + "concentrate and rare earths.",
                "story-mou", List.of("frontier-works-organisation", "us-strategic-metals"));
    }

    /** The same story, as another outlet carried it. */
    public static TaggedArticle tribuneMou() {
        return article("https://tribune.com.pk/story/2561001/fwo-ussm-mou", "tribune.com.pk",
                "Pakistan, US firm sign $500m minerals MoU",
                "Frontier Works Organisation and US Strategic Metals signed an MoU for rare earths and antimony.",
                "story-mou", List.of("frontier-works-organisation", "us-strategic-metals"));
    }

    /** A real-time rule with no targets. */
    public static AlertRule rule(String id, String query) {
        return rule(id, query, Map.of());
    }

    public static AlertRule rule(String id, String query, Map<String, String> filters) {
        return new AlertRule(AlertRule.SCHEMA, id, "Rule " + id, query, filters, AlertRule.REALTIME, 100, true,
                List.of(), List.of("desk@example.org"), PUBLISHED, PUBLISHED);
    }

    /** A test resource as text. */
    public static String resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
