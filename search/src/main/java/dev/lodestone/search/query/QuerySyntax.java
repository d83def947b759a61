package dev.lodestone.search.query;

import dev.lodestone.search.index.ArticleSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The query language analysts type: Lucene's classic syntax ({@code "rare earths" AND (Pasni OR Gwadar)
 * -cricket}, {@code "sharif hastie"~10}, {@code antimon*}), where bare words must all occur in the title
 * or the body, a title match counting double. Friendly field names stand for index fields:
 * {@code entity:} (a watch-list id), {@code kind:} ({@code person}, {@code mineral}...), {@code source:}
 * (an outlet's host name), {@code speaker:} (a watched person quoted), {@code quote:} (words quoted),
 * {@code language:}, {@code byline:}, {@code about:true}, {@code story:}, {@code title:}, {@code body:},
 * {@code published:[2025-10-01 TO 2025-10-31]} (days inclusive, UTC; a single day or ISO instants work
 * too) and {@code relevance:[0.7 TO *]}. Any other field is refused rather than silently matching nothing.
 *
 * <p>Queries that would walk the whole term dictionary are refused, since one HTTP request must not be
 * able to stall the index for everyone: a wildcard needs {@value #MIN_LITERAL_PREFIX} plain characters
 * before it, a regular expression ({@code /antimon(y|ium)/}) the same, with a bounded automaton, and a
 * query holds at most {@value #MAX_TERMS} terms. What remains expensive is stopped by the searcher's time
 * budget.
 */
public final class QuerySyntax {
    public static final int MAX_TERMS = 100;
    public static final int MIN_LITERAL_PREFIX = 2;
    /** Caps the work of turning a regular expression into an automaton. */
    private static final int REGEX_WORK_LIMIT = 2_000;

    private static final Analyzer ANALYZER = ArticleSchema.analyzer();
    private static final String[] TEXT_FIELDS = {ArticleSchema.TITLE, ArticleSchema.BODY};
    private static final Map<String, Float> BOOSTS = Map.of(ArticleSchema.TITLE, 2f, ArticleSchema.BODY, 1f);
    private static final String PUBLISHED = "published";
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("title", ArticleSchema.TITLE),
            Map.entry("body", ArticleSchema.BODY),
            Map.entry("byline", ArticleSchema.BYLINE),
            Map.entry("entity", ArticleSchema.ENTITIES),
            Map.entry("kind", ArticleSchema.KINDS),
            Map.entry("source", ArticleSchema.SOURCE),
            Map.entry("language", ArticleSchema.LANGUAGE),
            Map.entry("speaker", ArticleSchema.SPEAKERS),
            Map.entry("quote", ArticleSchema.QUOTES),
            Map.entry("about", ArticleSchema.ABOUT),
            Map.entry("story", ArticleSchema.STORY_ID),
            Map.entry(PUBLISHED, ArticleSchema.PUBLISHED_AT),
            Map.entry("relevance", ArticleSchema.RELEVANCE),
            Map.entry("*", "*"));
    private static final String FIELD_NAMES =
            "title, body, byline, entity, kind, source, language, speaker, quote, about, story, published, relevance";

    private QuerySyntax() {}

    /**
     * Parses {@code text}; blank text matches every article.
     *
     * @throws InvalidQueryException when the text is not a valid query, or too expensive to run
     */
    public static Query parse(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        Query query;
        try {
            query = new Parser().parse(text);
        } catch (ParseException e) {
            throw new InvalidQueryException(firstLine(e.getMessage()), e);
        } catch (TooComplexToDeterminizeException e) {
            throw new InvalidQueryException("Cannot parse '" + text + "': a regular expression is too complex", e);
        }
        int terms = countTerms(query);
        if (terms > MAX_TERMS) {
            throw new InvalidQueryException("Query '" + text + "' is too long: " + terms
                    + " terms over title and body, at most " + MAX_TERMS + " allowed", null);
        }
        return query;
    }

    /**
     * The instant a date in a query stands for: a day ({@code 2025-10-01}, UTC) or an ISO instant. The
     * end of a range given as a day includes that whole day.
     *
     * @throws InvalidQueryException when the text is neither
     */
    public static Instant instant(String text, boolean endOfRange) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                Instant start = (endOfRange ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
                return endOfRange ? start.minusMillis(1) : start;
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("'" + text + "' is not a date: use 2025-10-01 or 2025-10-01T09:30:00Z", e);
        }
    }

    private static int countTerms(Query query) {
        int[] terms = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... consumed) {
                terms[0] += consumed.length;
            }

            @Override
            public void visitLeaf(Query leaf) {
                terms[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return terms[0];
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static int literalPrefix(String text, String specials) {
        int i = 0;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i)) && specials.indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** Maps friendly field names to index fields at every place the classic parser builds a query. */
    private static final class Parser extends MultiFieldQueryParser {
        Parser() {
            super(TEXT_FIELDS, ANALYZER, BOOSTS);
            setDefaultOperator(QueryParser.Operator.AND);
            setAllowLeadingWildcard(false);
            setDeterminizeWorkLimit(REGEX_WORK_LIMIT);
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            String indexField = indexField(field);
            if (ArticleSchema.PUBLISHED_AT.equals(indexField)) {
                return publishedBetween(text, text);
            }
            if (ArticleSchema.RELEVANCE.equals(indexField)) {
                return DoublePoint.newExactQuery(indexField, number(text));
            }
            return super.getFieldQuery(indexField, text, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
            return super.getFieldQuery(indexField(field), text, slop);
        }

        @Override
        protected Query getPrefixQuery(String field, String text) throws ParseException {
            requireLiteralPrefix(text, "*?", text + "*");
            return super.getPrefixQuery(indexField(field), text);
        }

        @Override
        protected Query getWildcardQuery(String field, String text) throws ParseException {
            if (!"*".equals(field) || !"*".equals(text)) {
                requireLiteralPrefix(text, "*?", text);
            }
            return super.getWildcardQuery(indexField(field), text);
        }

        @Override
        protected Query getFuzzyQuery(String field, String text, float similarity) throws ParseException {
            return super.getFuzzyQuery(indexField(field), text, similarity);
        }

        @Override
        protected Query getRegexpQuery(String field, String text) throws ParseException {
            requireLiteralPrefix(text, "", "/" + text + "/");
            return super.getRegexpQuery(indexField(field), text);
        }

        @Override
        protected Query getRangeQuery(String field, String from, String to, boolean fromInclusive, boolean toInclusive)
                throws ParseException {
            String indexField = indexField(field);
            if (ArticleSchema.PUBLISHED_AT.equals(indexField)) {
                return publishedBetween(from, to);
            }
            if (ArticleSchema.RELEVANCE.equals(indexField)) {
                double low = from == null ? Double.NEGATIVE_INFINITY : number(from);
                double high = to == null ? Double.POSITIVE_INFINITY : number(to);
                return DoublePoint.newRangeQuery(indexField,
                        fromInclusive ? low : Math.nextUp(low), toInclusive ? high : Math.nextDown(high));
            }
            return super.getRangeQuery(indexField, from, to, fromInclusive, toInclusive);
        }

        /** Days are inclusive at both ends, whichever brackets were typed: analysts think in whole days. */
        private static Query publishedBetween(String from, String to) {
            long low = from == null ? Long.MIN_VALUE : instant(from, false).toEpochMilli();
            long high = to == null ? Long.MAX_VALUE : instant(to, true).toEpochMilli();
            return LongPoint.newRangeQuery(ArticleSchema.PUBLISHED_AT, low, high);
        }

        private static double number(String text) throws ParseException {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new ParseException("relevance is a number from 0 to 1, not '" + text + "'");
            }
        }

        private static void requireLiteralPrefix(String text, String specials, String asTyped) throws ParseException {
            if (literalPrefix(text, specials) < MIN_LITERAL_PREFIX) {
                throw new ParseException("'" + asTyped + "' would scan the whole index: start it with at least "
                        + MIN_LITERAL_PREFIX + " plain letters or digits");
            }
        }

        private static String indexField(String field) throws ParseException {
            if (field == null) {
                return null;
            }
            String indexField = FIELDS.get(field);
            if (indexField == null) {
                throw new ParseException("unknown field '" + field + "', use one of " + FIELD_NAMES);
            }
            return indexField;
        }
    }
}
