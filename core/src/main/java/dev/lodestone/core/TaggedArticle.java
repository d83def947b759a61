package dev.lodestone.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An article with what analyze found in it, as published on {@link Topics#TAGGED}.
 *
 * @param entities     the distinct entity ids mentioned, in order of first mention
 * @param entityKinds  the kind of each mentioned entity ({@code person}, {@code mineral}...), for facets
 * @param quotes       statements attributed to watched people
 * @param relevance    how likely the article is about the watched story, 0 to 1
 * @param about        whether the article is about the story (relevance past the calibrated threshold)
 * @param reasons      what raised the relevance, in words, so the score explains itself
 * @param storyId      the id shared by copies of one story across outlets
 * @param firstInStory whether this is the first copy of its story that analyze saw
 */
public record TaggedArticle(
        int schema,
        Article article,
        List<String> entities,
        Map<String, String> entityKinds,
        List<Mention> mentions,
        List<Quote> quotes,
        double relevance,
        boolean about,
        List<String> reasons,
        String storyId,
        boolean firstInStory,
        Instant taggedAt) {

    public static final int SCHEMA = 1;

    public TaggedArticle {
        Objects.requireNonNull(article, "article");
        entities = entities == null ? List.of() : List.copyOf(entities);
        entityKinds = entityKinds == null ? Map.of() : Map.copyOf(entityKinds);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        storyId = storyId == null ? article.id() : storyId;
    }

    public String id() {
        return article.id();
    }

    /** This tagged article around another version of its article, what analyze found kept. */
    public TaggedArticle withArticle(Article other) {
        return new TaggedArticle(schema, other, entities, entityKinds, mentions, quotes, relevance, about, reasons,
                storyId, firstInStory, taggedAt);
    }

    /** This tagged article assigned to a story. */
    public TaggedArticle withStory(String story, boolean first) {
        return new TaggedArticle(schema, article, entities, entityKinds, mentions, quotes, relevance, about, reasons,
                story, first, taggedAt);
    }
}
