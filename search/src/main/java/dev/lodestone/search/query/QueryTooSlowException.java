package dev.lodestone.search.query;

import java.time.Duration;

/**
 * A query that did not finish within the searcher's time budget. Its partial answer is thrown away
 * rather than shown as if complete; the analyst is told to narrow the query instead.
 */
public class QueryTooSlowException extends RuntimeException {
    public QueryTooSlowException(Duration budget) {
        super("The query took longer than " + budget.toMillis()
                + " ms and was stopped: narrow it with more words, an entity, a source or dates");
    }
}
