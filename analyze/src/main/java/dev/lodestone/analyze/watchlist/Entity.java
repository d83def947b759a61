package dev.lodestone.analyze.watchlist;

import java.util.List;
import java.util.Objects;

/**
 * Something the watch-list follows: a person, organisation, place, mineral, country or topic.
 *
 * @param id       stable id used in every record and query ({@code frontier-works-organisation})
 * @param kind     {@code country}, {@code organisation}, {@code person}, {@code place}, {@code mineral} or {@code topic}
 * @param name     display name
 * @param aliases  every spelling the press uses; an alias written entirely in capitals (an acronym such as
 *                 {@code US} or {@code FWO}) matches only in capitals, every other alias ignores case
 * @param excludes phrases in which an alias is not this entity ("Trump card", "Frontier Corps"): a mention
 *                 inside one of them is dropped
 */
public record Entity(String id, String kind, String name, List<String> aliases, List<String> excludes) {
    public Entity {
        Objects.requireNonNull(id, "id");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }
}
