package dev.lodestone.search.alert.match;

import dev.lodestone.core.AlertRule;
import dev.lodestone.search.index.ArticleSchema;
import dev.lodestone.search.query.InvalidQueryException;
import dev.lodestone.search.query.QuerySyntax;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The Lucene query of an alert rule: its text parsed by {@link QuerySyntax}, exactly as the search parses it,
 * and each of the search page's filters as a non-scoring clause on the same index field. An alert therefore
 * fires on an article exactly when the same search, with the same filters, would list it.
 *
 * <p>Filters: {@code entity} (a watch-list id), {@code source} (an outlet's host name), {@code about}
 * ({@code true} or {@code false}), {@code from} and {@code to} (ISO dates such as {@code 2025-09-08}, or
 * instants; {@code to} includes its whole day). Any other filter name is refused, like an unknown field in
 * the query: silently ignoring it would widen the rule.
 */
public final class RuleQuery {
    private RuleQuery() {}

    /**
     * Builds the query of {@code rule}.
     *
     * @throws InvalidRuleException when the query text or a filter is not valid
     */
    public static Query of(AlertRule rule) {
        Query text;
        try {
            text = QuerySyntax.parse(rule.query());
        } catch (InvalidQueryException e) {
            throw new InvalidRuleException(rule.id(), e.getMessage(), e);
        }
        if (rule.filters().isEmpty()) {
            return text;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        for (Map.Entry<String, String> filter : rule.filters().entrySet()) {
            String value = filter.getValue();
            switch (filter.getKey()) {
                case "entity" -> query.add(term(ArticleSchema.ENTITIES, value), BooleanClause.Occur.FILTER);
                case "source" -> query.add(term(ArticleSchema.SOURCE, value), BooleanClause.Occur.FILTER);
                case "about" -> query.add(term(ArticleSchema.ABOUT, about(rule.id(), value)), BooleanClause.Occur.FILTER);
                case "from" -> from = instant(rule.id(), "from", value, false).toEpochMilli();
                case "to" -> to = instant(rule.id(), "to", value, true).toEpochMilli();
                default -> throw new InvalidRuleException(rule.id(), "unknown filter '" + filter.getKey()
                        + "', use one of entity, source, about, from, to", null);
            }
        }
        if (from != Long.MIN_VALUE || to != Long.MAX_VALUE) {
            query.add(LongPoint.newRangeQuery(ArticleSchema.PUBLISHED_AT, from, to), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static String about(String ruleId, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidRuleException(ruleId, "filter about must be true or false, not '" + value + "'", null);
        }
        return value;
    }

    /** An instant, or a date meaning the start of its day ({@code endOfDay}: the last millisecond of it), UTC. */
    private static Instant instant(String ruleId, String name, String value, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay
                        ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRuleException(ruleId, "filter " + name + " must be a date like 2025-09-08 or an instant"
                    + " like 2025-09-08T14:00:00Z, not '" + value + "' (" + e.getMessage() + ")", e);
        }
    }
}
