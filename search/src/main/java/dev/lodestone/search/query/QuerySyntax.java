package dev.lodestone.search.query;

import dev.lodestone.search.index.ArticleSchema;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
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
 * -cricket}, {@code antimon*}), where bare words must all occur in the title or the body, a title match
 * counting double. Friendly field names stand for index fields: {@code entity:} (a watch-list id),
 * {@code source:} (an outlet's host name), {@code about:true}, {@code story:}, {@code title:} and
 * {@code body:}; any other field is refused rather than silently matching nothing.
 *
 * <p>Queries that would enumerate the whole term dictionary are refused: no leading wildcards, no
 * regular expressions, and at most {@value #MAX_TERMS} terms, since one HTTP request must not be able
 * to stall the index for everyone.
 */
public final class QuerySyntax {
    public static final int MAX_TERMS = 100;

    private static final Analyzer ANALYZER = ArticleSchema.analyzer();
    private static final String[] TEXT_FIELDS = {ArticleSchema.TITLE, ArticleSchema.BODY};
    private static final Map<String, Float> BOOSTS = Map.of(ArticleSchema.TITLE, 2f, ArticleSchema.BODY, 1f);
    private static final Map<String, String> FIELDS = Map.of(
            "title", ArticleSchema.TITLE,
            "body", ArticleSchema.BODY,
            "entity", ArticleSchema.ENTITIES,
            "source", ArticleSchema.SOURCE,
            "about", ArticleSchema.ABOUT,
            "story", ArticleSchema.STORY_ID,
            "*", "*");

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
            throw new InvalidQueryException("Cannot parse '" + text + "': too complex", e);
        }
        int terms = countTerms(query);
        if (terms > MAX_TERMS) {
            throw new InvalidQueryException("Query '" + text + "' is too long: " + terms
                    + " terms over title and body, at most " + MAX_TERMS + " allowed", null);
        }
        return query;
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

    /** Maps friendly field names to index fields at every place the classic parser builds a query. */
    private static final class Parser extends MultiFieldQueryParser {
        Parser() {
            super(TEXT_FIELDS, ANALYZER, BOOSTS);
            setDefaultOperator(QueryParser.Operator.AND);
            setAllowLeadingWildcard(false);
        }

        @Override
        protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
            return super.getFieldQuery(indexField(field), text, quoted);
        }

        @Override
        protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
            return super.getFieldQuery(indexField(field), text, slop);
        }

        @Override
        protected Query getPrefixQuery(String field, String text) throws ParseException {
            return super.getPrefixQuery(indexField(field), text);
        }

        @Override
        protected Query getWildcardQuery(String field, String text) throws ParseException {
            return super.getWildcardQuery(indexField(field), text);
        }

        @Override
        protected Query getFuzzyQuery(String field, String text, float similarity) throws ParseException {
            return super.getFuzzyQuery(indexField(field), text, similarity);
        }

        @Override
        protected Query getRangeQuery(String field, String from, String to, boolean fromInclusive, boolean toInclusive)
                throws ParseException {
            return super.getRangeQuery(indexField(field), from, to, fromInclusive, toInclusive);
        }

        @Override
        protected Query getRegexpQuery(String field, String text) throws ParseException {
            throw new ParseException("regular expressions are not supported: /" + text + "/");
        }

        private static String indexField(String field) throws ParseException {
            if (field == null) {
                return null;
            }
            String indexField = FIELDS.get(field);
            if (indexField == null) {
                throw new ParseException("unknown field '" + field + "', use one of title, body, entity, source, about, story");
            }
            return indexField;
        }
    }
}
