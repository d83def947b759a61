package dev.lodestone.core;

/**
 * One place where a watched entity is named.
 *
 * @param entity  the watch-list id of the entity (e.g. {@code frontier-works-organisation})
 * @param surface the text exactly as it stands in the article
 * @param field   {@code title} or {@code body}
 * @param start   offset of the first char in that field of the original article
 * @param end     offset after the last char
 */
public record Mention(String entity, String surface, String field, int start, int end) {
    public static final String TITLE = "title";
    public static final String BODY = "body";
}
