package dev.lodestone.search.query;

import java.util.List;

/**
 * Every copy of one story across outlets, first published first: who ran it, and when.
 *
 * @param outlets the distinct outlets, in the order they first ran it
 */
public record Story(String storyId, List<String> outlets, List<Hit> articles) {
    public Story {
        outlets = List.copyOf(outlets);
        articles = List.copyOf(articles);
    }
}
