package dev.lodestone.search.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many matching articles carry each value, most frequent first: the filters an analyst can click.
 */
public record Facets(
        Map<String, Long> entities, Map<String, Long> sources, Map<String, Long> kinds, Map<String, Long> languages) {

    public static final Facets NONE = new Facets(Map.of(), Map.of(), Map.of(), Map.of());

    public Facets {
        entities = ordered(entities);
        sources = ordered(sources);
        kinds = ordered(kinds);
        languages = ordered(languages);
    }

    private static Map<String, Long> ordered(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }
}
