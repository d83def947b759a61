package dev.lodestone.search.query;

import java.util.List;

/**
 * One page of articles matching a request.
 *
 * @param total      every matching article, counted exactly, copies of one story included
 * @param hits       one per story, in the requested order
 * @param facets     counts over every matching article, not only this page
 * @param nextCursor pass it back for the next page; null when this page is the last
 */
public record SearchResult(long total, List<Hit> hits, Facets facets, String nextCursor) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
