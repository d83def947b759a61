package dev.lodestone.analyze.watchlist;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one deployment watches: the entities to tag, and what makes an article <em>about</em> the story.
 * It is configuration, so the same pipeline serves the next story with another file.
 *
 * @param story          short name of the story, for logs and the page
 * @param entities       the entities to tag
 * @param titles         titles and ranks written before a person's name ("PM", "Field Marshal", "CEO"): they
 *                       belong to that person's mention instead of standing alone
 * @param aboutAllOf     groups of entity ids; an article is about the story when it mentions at least one
 *                       entity of every group (e.g. a Pakistani party, a US party, a mineral)
 * @param storyParties   entity ids that appear in little but the story itself (for the minerals deal, the two
 *                       signatories and USSM's chief): naming one weighs towards the story even without the rest
 * @param aboutThreshold the relevance (see {@code DealRelevance}) from which an article counts as about the story
 */
public record Watchlist(String story, List<Entity> entities, List<String> titles, List<List<String>> aboutAllOf,
                        List<String> storyParties, double aboutThreshold) {
    public Watchlist {
        entities = List.copyOf(entities);
        titles = titles == null ? List.of() : List.copyOf(titles);
        aboutAllOf = aboutAllOf == null ? List.of() : aboutAllOf.stream().map(List::copyOf).toList();
        storyParties = storyParties == null ? List.of() : List.copyOf(storyParties);
    }

    /** A watch-list without titles or story parties. */
    public Watchlist(String story, List<Entity> entities, List<List<String>> aboutAllOf, double aboutThreshold) {
        this(story, entities, List.of(), aboutAllOf, List.of(), aboutThreshold);
    }

    public Map<String, Entity> byId() {
        return entities.stream().collect(Collectors.toUnmodifiableMap(Entity::id, Function.identity()));
    }
}
