package dev.lodestone.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    private final Article article = new Article(Article.SCHEMA, ArticleId.of("https://example.com/a"),
            "https://example.com/a", "https://example.com/feed", "example.com", "FWO signs MoU", "A. Writer",
            "Body text.", Instant.parse("2025-09-08T10:00:00Z"), "meta", Instant.parse("2025-09-08T10:05:00Z"),
            "en", 1, ArticleId.sha256Hex("Body text."));

    @Test
    void taggedArticleSurvivesARoundTrip() {
        TaggedArticle tagged = new TaggedArticle(TaggedArticle.SCHEMA, article, List.of("frontier-works-organisation"),
                Map.of("frontier-works-organisation", "organisation"),
                List.of(new Mention("frontier-works-organisation", "FWO", Mention.TITLE, 0, 3)),
                List.of(new Quote("shehbaz-sharif", "Today, Pakistan steps forward", Mention.BODY, 10, 39)), 0.8, true,
                List.of("mentions frontier-works-organisation"), "story-1", true, Instant.parse("2025-09-08T10:06:00Z"));

        assertEquals(tagged, Json.fromBytes(Json.toBytes(tagged), TaggedArticle.class));
    }

    @Test
    void instantsAreWrittenAsIsoText() {
        assertTrue(Json.toString(article).contains("\"publishedAt\":\"2025-09-08T10:00:00Z\""));
    }

    @Test
    void unknownFieldsFromANewerProducerAreIgnored() {
        String newer = Json.toString(article).replaceFirst("\\{", "{\"sentiment\":0.4,\"schema2\":{\"x\":1},");

        assertEquals(article, Json.fromBytes(newer.getBytes(StandardCharsets.UTF_8), Article.class));
    }

    @Test
    void bytesThatAreNotARecordFailWithTheTypeNamed() {
        MalformedRecordException e = assertThrows(MalformedRecordException.class,
                () -> Json.fromBytes("not json".getBytes(StandardCharsets.UTF_8), Article.class));
        assertTrue(e.getMessage().startsWith("not a valid Article"), e.getMessage());
    }

    @Test
    void articleIdIsTheSha256OfTheUrl() {
        assertEquals(ArticleId.of("https://example.com/a"), ArticleId.of("https://example.com/a"));
        assertEquals("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881", ArticleId.of("x"));
    }
}
