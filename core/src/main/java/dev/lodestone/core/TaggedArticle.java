package dev.lodestone.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An article with what analyze found in it, as published on {@link Topics#TAGGED}.
 *
 * @param entities  the distinct entity ids mentioned, in order of first mention
 * @param relevance how likely the article is about the watched story, 0 to 1
 * @param about     whether relevance passed the story's threshold
 * @param storyId   the id shared by copies of one story across outlets
 */
public record TaggedArticle(
        int schema,
        Article article,
        List<String> entities,
        List<Mention> mentions,
        double relevance,
        boolean about,
        String storyId,
        Instant taggedAt) {

    public static final int SCHEMA = 1;

    public TaggedArticle {
        Objects.requireNonNull(article, "article");
        entities = entities == null ? List.of() : List.copyOf(entities);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    public String id() {
        return article.id();
    }
}
