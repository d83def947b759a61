package dev.lodestone.search.alert.match;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.index.ArticleSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every alert rule, matched against one article at a time by reverse search. Lucene's monitor indexes the
 * rules' terms, so for each article only the rules that share terms with it are run, on a one-document
 * in-memory index analysed exactly like the article index: with thousands of rules that is one to two orders of
 * magnitude faster than running each rule in turn (see {@code AlertMatchingBenchmark}). The presearcher makes
 * three passes over each rule's required clauses, so a rule is tried only on articles holding three of its
 * terms where it has them: a rule such as {@code "supply chain" AND (Pasni OR Gwadar)} then waits for a port's
 * name besides two common words, which cut the rules tried per article fourfold against two passes. Exact-term
 * fields (entity, source, about) weigh little in choosing those terms, since a watch-list entity is named in a
 * good share of all articles while a word an analyst adds to it is usually rare.
 *
 * <p>A rule that does not parse is refused at {@link #register} with the parser's message, and the rules
 * registered before it keep matching. A rule that fails while matching an article is logged and skipped for
 * that article only. Registering a rule under an existing id replaces it; both take effect for the next
 * {@link #match}. Thread-safe: several threads may match while rules change.
 */
public final class AlertMatcher implements Closeable {
    private static final int PASSES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(AlertMatcher.class);
    /** Exact-term fields, by index name, with the name a query writer uses for them. */
    private static final Map<String, String> EXACT_FIELDS = Map.of(
            ArticleSchema.ENTITIES, "entity",
            ArticleSchema.SOURCE, "source",
            ArticleSchema.ABOUT, "about",
            ArticleSchema.STORY_ID, "story",
            ArticleSchema.ID, "id");

    private final FewSegments ruleIndex = new FewSegments();
    private final Monitor monitor;
    private final Map<String, Registered> rules = new ConcurrentHashMap<>();
    private final LongAdder rulesTried = new LongAdder();

    public AlertMatcher() {
        try {
            this.monitor = new Monitor(ArticleSchema.analyzer(), new MultipassTermFilteredPresearcher(PASSES, 0,
                    TermWeightor.combine(TermWeightor.fieldWeightor(0.1, EXACT_FIELDS.keySet()),
                            TermFilteredPresearcher.DEFAULT_WEIGHTOR), List.of(), Set.of()), ruleIndex);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the in-memory rule index", e);
        }
    }

    /**
     * The monitor's rule index kept in as few segments as it can be: the presearcher's query looks every word of
     * the article up in every segment, so each segment more costs every article another pass. With the monitor's
     * defaults (commits of 5,000 rules, merges in the background, seen only after the next commit), 10,000 rules
     * matched 12-18% fewer articles per CPU-second. Rules come in one batch at start and one at a time after, so
     * merging in the registering thread, within its commit, costs little and is seen at once.
     */
    private static final class FewSegments extends MonitorConfiguration {
        private volatile IndexWriter writer;

        FewSegments() {
            setQueryUpdateBufferSize(Integer.MAX_VALUE);
        }

        @Override
        protected IndexWriterConfig getIndexWriterConfig() {
            TieredMergePolicy mergeAlmostAll = new TieredMergePolicy();
            mergeAlmostAll.setSegmentsPerTier(2);
            mergeAlmostAll.setFloorSegmentMB(256);
            return super.getIndexWriterConfig().setRAMBufferSizeMB(256)
                    .setMergeScheduler(new SerialMergeScheduler()).setMergePolicy(mergeAlmostAll);
        }

        @Override
        public IndexWriter buildIndexWriter() throws IOException {
            writer = super.buildIndexWriter();
            return writer;
        }

        int segments() throws IOException {
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                return reader.leaves().size();
            }
        }
    }

    /**
     * Adds {@code rule}, or replaces the rule with its id.
     *
     * @throws InvalidRuleException when its query or a filter is not valid; the rule it would have replaced
     *                              is kept
     */
    public void register(AlertRule rule) {
        List<InvalidRuleException> refused = registerAll(List.of(rule));
        if (!refused.isEmpty()) {
            throw refused.get(0);
        }
    }

    /**
     * Adds or replaces every valid rule of {@code batch} at once, which is far cheaper than one at a time (each
     * registration updates the monitor's own index), and returns why each of the others was refused.
     */
    public List<InvalidRuleException> registerAll(Collection<AlertRule> batch) {
        List<InvalidRuleException> refused = new ArrayList<>();
        List<MonitorQuery> queries = new ArrayList<>(batch.size());
        Map<String, Registered> registered = new LinkedHashMap<>();
        for (AlertRule rule : batch) {
            try {
                Query query = rewrittenOnce(RuleQuery.of(rule));
                queries.add(new MonitorQuery(rule.id(), query, rule.query(), Map.of()));
                registered.put(rule.id(), new Registered(rule, query, exactTerms(query)));
            } catch (InvalidRuleException e) {
                refused.add(e);
            }
        }
        try {
            monitor.register(queries);
        } catch (IOException e) {
            throw new UncheckedIOException("could not register " + queries.size() + " rules", e);
        }
        rules.putAll(registered);
        return refused;
    }

    /** Removes the rule with this id; unknown ids are ignored. */
    public void delete(String ruleId) {
        try {
            monitor.deleteById(ruleId);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete rule " + ruleId, e);
        }
        rules.remove(ruleId);
    }

    /** How many segments the monitor's rule index is in: see {@link FewSegments}. */
    int ruleIndexSegments() {
        try {
            return ruleIndex.segments();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the rule index", e);
        }
    }

    /** The rules registered now. */
    public Collection<AlertRule> rules() {
        return rules.values().stream().map(Registered::rule).toList();
    }

    /** The rules that match {@code article}, each with the terms that made it match. */
    public List<RuleMatch> match(TaggedArticle article, Instant now) {
        MatchingQueries<Explained> result;
        try {
            result = monitor.match(ArticleDocument.of(article), EXPLAINING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not match article " + article.id(), e);
        }
        result.getErrors().forEach((ruleId, error) ->
                LOG.warn("Rule {} failed on article {} and was skipped: {}", ruleId, article.id(), error.toString()));
        rulesTried.add(result.getQueriesRun());
        if (result.getMatchCount() == 0) {
            return List.of();
        }
        List<RuleMatch> matches = new ArrayList<>(result.getMatchCount());
        for (Explained match : result.getMatches()) {
            Registered registered = rules.get(match.getQueryId());
            if (registered != null) {
                matches.add(RuleMatch.of(registered.rule(), article, matchedTerms(match, registered, article), now));
            }
        }
        return matches;
    }

    /**
     * How many times a rule has been run on an article since this matcher was made: the rules the presearcher
     * could not rule out, which is where matching spends its time.
     */
    public long rulesTried() {
        return rulesTried.sum();
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }

    /** The article's own words where the rule matched title or body, then the exact-term clauses it has. */
    private static List<String> matchedTerms(Explained match, Registered rule, TaggedArticle article) {
        Set<String> terms = new LinkedHashSet<>();
        for (Span span : match.spans) {
            String text = span.field().equals(ArticleSchema.TITLE) ? article.article().title() : article.article().body();
            if (span.start() >= 0 && span.start() < span.end() && span.end() <= text.length()) {
                terms.add(text.substring(span.start(), span.end()).toLowerCase(Locale.ROOT));
            }
        }
        for (Term term : rule.exactTerms()) {
            if (has(article, term)) {
                terms.add(EXACT_FIELDS.get(term.field()) + ":" + term.text());
            }
        }
        return List.copyOf(terms);
    }

    /** Where in title or body a rule matched: a phrase is one span, in the order of the text. */
    private record Span(String field, int start, int end) {}

    /** A rule that matched, with where. */
    private static final class Explained extends QueryMatch {
        final List<Span> spans;

        Explained(String ruleId, List<Span> spans) {
            super(ruleId);
            this.spans = spans;
        }
    }

    /**
     * Runs each candidate rule through Lucene's matches API on the monitor's own one-document index (built with
     * offsets), so that finding the words that made a rule match costs no second analysis of the article. A
     * rule the monitor splits into parts (a top-level OR) may match through several; their spans are joined.
     */
    private static final MatcherFactory<Explained> EXPLAINING = searcher -> new CandidateMatcher<>(searcher) {
        @Override
        protected void matchQuery(String ruleId, Query query, Map<String, String> metadata) throws IOException {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    Matches matches = weight.matches(leaf, doc);
                    if (matches != null) {
                        List<Span> spans = new ArrayList<>();
                        addSpans(spans, ArticleSchema.TITLE, matches.getMatches(ArticleSchema.TITLE));
                        addSpans(spans, ArticleSchema.BODY, matches.getMatches(ArticleSchema.BODY));
                        addMatch(new Explained(ruleId, spans), doc);
                    }
                }
            }
        }

        @Override
        public Explained resolve(Explained one, Explained other) {
            List<Span> spans = new ArrayList<>(one.spans);
            other.spans.stream().filter(span -> !spans.contains(span)).forEach(spans::add);
            return new Explained(one.getQueryId(), spans);
        }
    };

    private static void addSpans(List<Span> spans, String field, MatchesIterator hits) throws IOException {
        if (hits == null) {
            return;
        }
        while (hits.next()) {
            spans.add(new Span(field, hits.startOffset(), hits.endOffset()));
        }
    }

    private static boolean has(TaggedArticle article, Term term) {
        String value = term.text();
        return switch (term.field()) {
            case ArticleSchema.ENTITIES -> article.entities().contains(value);
            case ArticleSchema.SOURCE -> value.equals(article.article().source());
            case ArticleSchema.ABOUT -> value.equals(Boolean.toString(article.about()));
            case ArticleSchema.STORY_ID -> value.equals(article.storyId());
            case ArticleSchema.ID -> value.equals(article.id());
            default -> false;
        };
    }

    /**
     * {@code query} as Lucene rewrites it before running it, when that does not depend on the article: for term,
     * phrase, point-range and Boolean queries it never does, and rewriting them once here spares rewriting every
     * candidate rule for every article, which took a quarter of matching time. Queries that expand against the
     * article's terms (wildcards, fuzzy terms, ranges of words) are kept as they are, rewritten for each article.
     */
    private static Query rewrittenOnce(Query query) {
        boolean[] independent = {true};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... terms) {
                independent[0] &= leaf instanceof TermQuery || leaf instanceof PhraseQuery;
            }

            @Override
            public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
                independent[0] = false;
            }

            @Override
            public void visitLeaf(Query leaf) {
                independent[0] &= leaf instanceof PointRangeQuery || leaf instanceof MatchAllDocsQuery
                        || leaf instanceof MatchNoDocsQuery;
            }
        });
        if (!independent[0]) {
            return query;
        }
        try (MultiReader noArticles = new MultiReader()) {
            return new IndexSearcher(noArticles).rewrite(new ConstantScoreQuery(query));
        } catch (IOException e) {
            throw new UncheckedIOException("could not rewrite " + query, e);
        }
    }

    /** The terms on exact-term fields that the query requires or allows (not those it excludes). */
    private static Set<Term> exactTerms(Query query) {
        Set<Term> terms = new LinkedHashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query leaf, Term... consumed) {
                for (Term term : consumed) {
                    if (EXACT_FIELDS.containsKey(term.field())) {
                        terms.add(term);
                    }
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return Collections.unmodifiableSet(terms);
    }

    private record Registered(AlertRule rule, Query query, Set<Term> exactTerms) {}
}
