package dev.lodestone.search.query;

import java.time.Instant;
import java.util.List;

/**
 * One article in a result list, standing for every copy of its story that the same list would show.
 *
 * @param publishedAt when the outlet published it, or when it was fetched if the outlet gave no date;
 *                    null when neither is known
 * @param entities    the watch-list ids of the entities it mentions
 * @param snippet     HTML: body text around the matched terms, which are wrapped in {@code <mark>}, with
 *                    every other character escaped, so it can be inserted into a page as it is. Every
 *                    other component is plain text and must be escaped by whoever displays it.
 * @param storyId     the story this article is a copy of
 * @param outlets     every outlet that ran the story, first to publish first; at least this article's
 */
public record Hit(
        String id,
        String title,
        String url,
        String source,
        Instant publishedAt,
        List<String> entities,
        String snippet,
        String storyId,
        List<String> outlets) {

    public Hit {
        entities = List.copyOf(entities);
        outlets = List.copyOf(outlets);
    }
}
