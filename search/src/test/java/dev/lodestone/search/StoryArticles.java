package dev.lodestone.search;

import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.Mention;
import dev.lodestone.core.Quote;
import dev.lodestone.core.TaggedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tagged articles about the minerals deal, as analyze would publish them, for the search tests. */
public final class StoryArticles {
    /** What each watched entity is, as the watch-list says. */
    private static final Map<String, String> KINDS = Map.of(
            "frontier-works-organisation", "organisation", "us-strategic-metals", "company",
            "stacy-hastie", "person", "shehbaz-sharif", "person", "pti", "party",
            "sheikh-waqqas-akram", "person", "pasni", "place", "gwadar", "place");

    /** How each watched entity is written in these articles. */
    private static final Map<String, String> SURFACES = Map.of(
            "frontier-works-organisation", "Frontier Works Organisation", "us-strategic-metals", "US Strategic Metals",
            "stacy-hastie", "Stacy W. Hastie", "shehbaz-sharif", "Shahbaz", "pti", "PTI",
            "sheikh-waqqas-akram", "Sheikh Waqqas Akram", "pasni", "Pasni", "gwadar", "Gwadar");

    /** Words attributed to a speaker in these articles. */
    private static final Map<String, String> QUOTED = Map.of("stacy-hastie", "a first step for secure supply chains");

    public static final TaggedArticle MOU_SIGNED = tagged(
            "https://www.dawn.com/news/1940001/fwo-signs-500m-minerals-deal",
            "dawn.com",
            "FWO signs $500m minerals deal with US Strategic Metals",
            """
            The Frontier Works Organisation signed a memorandum of understanding worth $500 million with \
            Missouri-based US Strategic Metals on Monday. The agreement covers the export of antimony, \
            copper concentrate and rare earths. USSM chief executive Stacy W. Hastie called it "a first step for secure supply chains".""",
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

    /** A copy of {@code original} run by another outlet {@code minutesLater}, sharing its story id. */
    public static TaggedArticle copy(TaggedArticle original, String source, long minutesLater) {
        Article a = original.article();
        String url = "https://" + source + "/copy/" + a.id();
        Instant published = a.publishedAt().plusSeconds(60 * minutesLater);
        Article copy = new Article(a.schema(), ArticleId.of(url), url, a.feedUrl(), source, a.title(), null, a.body(),
                published, a.dateSource(), published, a.language(), 1, a.contentHash());
        return new TaggedArticle(original.schema(), copy, original.entities(), original.entityKinds(),
                original.mentions(), original.quotes(), original.relevance(), original.about(), original.reasons(),
                original.storyId(), false, published);
    }

    /** {@code article} as written in {@code language}. */
    public static TaggedArticle inLanguage(TaggedArticle tagged, String language) {
        Article a = tagged.article();
        Article other = new Article(a.schema(), a.id(), a.url(), a.feedUrl(), a.source(), a.title(), a.byline(),
                a.body(), a.publishedAt(), a.dateSource(), a.fetchedAt(), language, a.revision(), a.contentHash());
        return new TaggedArticle(tagged.schema(), other, tagged.entities(), tagged.entityKinds(), tagged.mentions(),
                tagged.quotes(), tagged.relevance(), tagged.about(), tagged.reasons(), tagged.storyId(),
                tagged.firstInStory(), tagged.taggedAt());
    }

    /** An article about the deal, tagged with {@code entities} as analyze would tag it. */
    public static TaggedArticle tagged(
            String url, String source, String title, String body, Instant publishedAt, List<String> entities) {
        Article article = new Article(Article.SCHEMA, ArticleId.of(url), url, "https://" + source + "/feed",
                source, title, null, body, publishedAt, "json-ld", publishedAt.plusSeconds(60), "en", 1,
                ArticleId.sha256Hex(body));
        List<Mention> mentions = new ArrayList<>();
        Map<String, String> kinds = new HashMap<>();
        for (String entity : entities) {
            String surface = SURFACES.getOrDefault(entity, entity);
            int start = body.indexOf(surface);
            mentions.add(start < 0
                    ? new Mention(entity, surface, Mention.TITLE, 0, 0)
                    : new Mention(entity, surface, Mention.BODY, start, start + surface.length()));
            kinds.put(entity, KINDS.getOrDefault(entity, "topic"));
        }
        List<Quote> quotes = new ArrayList<>();
        QUOTED.forEach((speaker, words) -> {
            int start = body.indexOf(words);
            if (start >= 0 && entities.contains(speaker)) {
                quotes.add(new Quote(speaker, words, Mention.BODY, start, start + words.length()));
            }
        });
        return new TaggedArticle(TaggedArticle.SCHEMA, article, entities, kinds, mentions, quotes, 0.9, true,
                List.of("names the FWO"), "story-" + article.id().substring(0, 12), true, publishedAt.plusSeconds(120));
    }

    /** A plain article with only a url, title and body, for tests about one of those. */
    public static TaggedArticle tagged(String url, String title, String body) {
        return tagged(url, "example.com", title, body, Instant.parse("2025-09-10T00:00:00Z"), List.of());
    }
}
