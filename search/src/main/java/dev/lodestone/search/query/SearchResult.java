package dev.lodestone.search.query;

import java.util.List;

/**
 * The first page of articles matching a query.
 *
 * @param total every matching article, counted exactly, not only those in {@code hits}
 */
public record SearchResult(long total, List<Hit> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
