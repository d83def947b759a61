package dev.lodestone.search;

import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.Mention;
import dev.lodestone.core.TaggedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Tagged articles about the minerals deal, as analyze would publish them, for the search tests. */
public final class StoryArticles {
    public static final TaggedArticle MOU_SIGNED = tagged(
            "https://www.dawn.com/news/1940001/fwo-signs-500m-minerals-deal",
            "dawn.com",
            "FWO signs $500m minerals deal with US Strategic Metals",
            """
            The Frontier Works Organisation signed a memorandum of understanding worth $500 million with \
            Missouri-based US Strategic Metals on Monday. The agreement covers the export of antimony, \
            copper concentrate and rare earths. USSM chief executive Stacy W. Hastie called it a first step.""",
            Instant.parse("2025-09-08T14:00:00Z"),
            List.of("frontier-works-organisation", "us-strategic-metals", "stacy-hastie"));

    public static final TaggedArticle FIRST_SHIPMENT = tagged(
            "https://www.reuters.com/world/asia-pacific/pakistan-ships-first-rare-earths-us-2025-10-05/",
            "reuters.com",
            "Pakistan sends first shipment of critical minerals to the United States",
            """
            Pakistan dispatched its first consignment of critical minerals to the United States, including \
            antimony, neodymium and praseodymium. Officials in Shahbaz's government said the shipment \
            showed that the September agreement was moving from paper to ports.""",
            Instant.parse("2025-10-05T09:30:00Z"),
            List.of("shehbaz-sharif", "us-strategic-metals"));

    public static final TaggedArticle PTI_OBJECTS = tagged(
            "https://www.thenews.com.pk/latest/1350002-pti-demands-details-of-minerals-deal",
            "thenews.com.pk",
            "PTI demands details of secret minerals deal",
            """
            PTI information secretary Sheikh Waqqas Akram said parliament had not seen the terms of the deal. \
            He asked whether a port at Pasni, close to Gwadar, had been offered to Washington. Prime Minister \
            Sharīf's office did not respond.""",
            Instant.parse("2025-09-20T18:45:00Z"),
            List.of("pti", "sheikh-waqqas-akram", "pasni", "gwadar"));

    public static final List<TaggedArticle> ALL = List.of(MOU_SIGNED, FIRST_SHIPMENT, PTI_OBJECTS);

    private StoryArticles() {}

    /** An article about the deal, tagged with {@code entities} as analyze would tag it. */
    public static TaggedArticle tagged(
            String url, String source, String title, String body, Instant publishedAt, List<String> entities) {
        Article article = new Article(Article.SCHEMA, ArticleId.of(url), url, "https://" + source + "/feed",
                source, title, null, body, publishedAt, "json-ld", publishedAt.plusSeconds(60), "en", 1,
                ArticleId.sha256Hex(body));
        List<Mention> mentions = entities.stream()
                .map(entity -> new Mention(entity, entity, Mention.BODY, 0, 0))
                .toList();
        return new TaggedArticle(TaggedArticle.SCHEMA, article, entities, Map.of(), mentions, List.of(), 0.9, true,
                List.of(), "story-" + article.id().substring(0, 12), true, publishedAt.plusSeconds(120));
    }

    /** A plain article with only a url, title and body, for tests about one of those. */
    public static TaggedArticle tagged(String url, String title, String body) {
        return tagged(url, "example.com", title, body, Instant.parse("2025-09-10T00:00:00Z"), List.of());
    }
}
