package dev.lodestone.search.query;

import java.time.Instant;
import java.util.List;

/**
 * What an analyst asks for: a query in the {@linkplain QuerySyntax search syntax} narrowed by filters,
 * as the page's facet clicks and date pickers produce them.
 *
 * @param query    the typed query; blank matches every article
 * @param entities every one of these watch-list ids must be mentioned
 * @param sources  the article comes from one of these outlets; empty means any
 * @param from     published at or after; null for no bound
 * @param to       published at or before; null for no bound
 * @param about    only articles on (true) or off (false) the story; null for both
 * @param order    null ranks by relevance when there is a query and lists the newest first when not
 * @param size     hits per page
 * @param cursor   {@link SearchResult#nextCursor} of the previous page; null for the first page
 */
public record SearchRequest(
        String query,
        List<String> entities,
        List<String> sources,
        Instant from,
        Instant to,
        Boolean about,
        Order order,
        int size,
        String cursor) {

    public SearchRequest {
        query = query == null ? "" : query;
        entities = entities == null ? List.of() : List.copyOf(entities);
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        if (order == null) {
            order = query.isBlank() ? Order.NEWEST : Order.RELEVANCE;
        }
    }

    /** The first {@code size} articles matching {@code query}, unfiltered, in the default order. */
    public static SearchRequest of(String query, int size) {
        return new SearchRequest(query, null, null, null, null, null, null, size, null);
    }

    public SearchRequest withOrder(Order newOrder) {
        return new SearchRequest(query, entities, sources, from, to, about, newOrder, size, cursor);
    }

    public SearchRequest withCursor(String newCursor) {
        return new SearchRequest(query, entities, sources, from, to, about, order, size, newCursor);
    }

    public SearchRequest withEntities(List<String> newEntities) {
        return new SearchRequest(query, newEntities, sources, from, to, about, order, size, cursor);
    }

    /** How hits are ordered. */
    public enum Order {
        RELEVANCE, NEWEST, OLDEST;

        /** The order named {@code name} in any case, e.g. {@code newest}. */
        public static Order named(String name) {
            for (Order order : values()) {
                if (order.name().equalsIgnoreCase(name)) {
                    return order;
                }
            }
            throw new InvalidQueryException("sort must be relevance, newest or oldest, not '" + name + "'", null);
        }
    }
}
