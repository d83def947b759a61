package dev.lodestone.search.query;

import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.index.ArticleSchema;
import dev.lodestone.search.index.FacetedSearcher;
import dev.lodestone.search.query.SearchRequest.Order;
import dev.lodestone.search.query.Timeline.Interval;
import java.io.IOException;
import java.text.BreakIterator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.IOConsumer;

/**
 * Answers an analyst's questions over one point-in-time view of the index: pages of hits with snippets
 * and facet counts, a timeline, one article, one story, articles like one, and the whole result set for
 * export. Pure over a searcher, with no HTTP, so it is tested against a real index alone.
 *
 * <p>Copies of one story collapse into a single hit, the copy the requested order puts first, listing
 * every outlet that ran it. Whether a copy leads its story is decided against the whole result set, not
 * the page, so a story never appears on two pages.
 *
 * <p>Every call runs within a time budget and fails with {@link QueryTooSlowException} rather than
 * answering partially: a slow query must not hold a server thread, nor pass off part of an answer.
 *
 * <p>Snippets come from the offsets stored in the body's postings, so highlighting never re-analyses a
 * body. They are HTML with everything but the {@code <mark>} tags escaped: article text comes from the
 * open web and must never reach a page as markup.
 */
public final class ArticleSearcher {
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(2);
    /** Roughly how long a snippet is, in characters. */
    static final int SNIPPET_LENGTH = 200;
    /** Values listed per facet dimension. */
    public static final int FACET_VALUES = 15;
    /** Entities given their own series in a timeline. */
    public static final int TIMELINE_ENTITIES = 5;
    /** More buckets than a chart can show says the range or the interval is wrong. */
    public static final int MAX_BUCKETS = 2_000;

    private static final int PASSAGES = 2;
    private static final int EXPORT_BATCH = 1_000;
    private static final int STORY_COPIES = 200;
    private static final Analyzer ANALYZER = ArticleSchema.analyzer();
    private static final Set<String> HIT_FIELDS = Set.of(ArticleSchema.ID, ArticleSchema.TITLE, ArticleSchema.URL,
            ArticleSchema.SOURCE, ArticleSchema.PUBLISHED_AT, ArticleSchema.ENTITIES, ArticleSchema.BODY,
            ArticleSchema.STORY_ID);

    private final FacetedSearcher view;
    private final Duration budget;
    private final UnifiedHighlighter highlighter;

    public ArticleSearcher(FacetedSearcher view) {
        this(view, DEFAULT_BUDGET);
    }

    /** @param budget how long one call may search before it fails */
    public ArticleSearcher(FacetedSearcher view, Duration budget) {
        this.view = view;
        this.budget = budget;
        this.highlighter = UnifiedHighlighter.builder(view, ANALYZER)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_LENGTH / PASSAGES, 0.5f))
                .withMaxNoHighlightPassages(0)
                .build();
    }

    /** The first {@code size} articles matching {@code query}, in the default order. */
    public SearchResult search(String query, int size) throws IOException {
        return search(SearchRequest.of(query, size));
    }

    /**
     * One page of hits, one per story, with facet counts over every match.
     *
     * @throws InvalidQueryException when the query or the cursor is not valid
     * @throws QueryTooSlowException when the budget runs out
     */
    public SearchResult search(SearchRequest request) throws IOException {
        IndexSearcher searcher = timed();
        Query query = filtered(request);
        Sort sort = sort(request.order());
        FieldDoc after = request.cursor() == null ? null : Cursor.decode(request.order(), request.cursor());
        int batch = request.size() + 10;
        Object[] first = searcher.search(query, new MultiCollectorManager(
                new TopFieldCollectorManager(sort, batch, after, Integer.MAX_VALUE), new FacetsCollectorManager()));
        requireInTime(searcher);
        TopDocs page = (TopFieldDocs) first[0];
        StoredFields stored = searcher.storedFields();
        List<Document> leaders = new ArrayList<>();
        List<Integer> leaderDocs = new ArrayList<>();
        FieldDoc last = after;
        boolean seenAll = false;
        while (leaders.size() < request.size() && !seenAll) {
            for (int i = 0; i < page.scoreDocs.length && leaders.size() < request.size(); i++) {
                last = (FieldDoc) page.scoreDocs[i];
                Document doc = stored.document(last.doc, HIT_FIELDS);
                if (leadsStory(searcher, query, sort, last.doc, doc.get(ArticleSchema.STORY_ID))) {
                    leaders.add(doc);
                    leaderDocs.add(last.doc);
                }
                seenAll = i == page.scoreDocs.length - 1 && page.scoreDocs.length < batch;
            }
            if (page.scoreDocs.length == 0) {
                seenAll = true;
            } else if (leaders.size() < request.size() && !seenAll) {
                page = searcher.searchAfter(last, query, batch, sort);
                requireInTime(searcher);
            }
        }
        String[] snippets = snippets(query, leaderDocs);
        List<Hit> hits = new ArrayList<>(leaders.size());
        for (int i = 0; i < leaders.size(); i++) {
            Document doc = leaders.get(i);
            hits.add(toHit(doc, snippets[i], outlets(searcher, doc)));
        }
        long total = ((TopFieldDocs) first[0]).totalHits.value;
        String next = seenAll ? null : Cursor.encode(request.order(), last);
        return new SearchResult(total, hits, facets((FacetsCollector) first[1]), next);
    }

    /**
     * Articles per day or hour matching the request (its cursor, order and size aside), overall and for
     * the {@value #TIMELINE_ENTITIES} entities they mention most.
     *
     * @throws InvalidQueryException when the buckets would be more than {@value #MAX_BUCKETS}
     */
    public Timeline timeline(SearchRequest request, Interval interval) throws IOException {
        IndexSearcher searcher = timed();
        Query query = filtered(request);
        Object[] overall = searcher.search(query,
                new MultiCollectorManager(new BucketCounter(interval), new FacetsCollectorManager()));
        requireInTime(searcher);
        @SuppressWarnings("unchecked")
        Map<Long, Long> counts = (Map<Long, Long>) overall[0];
        if (counts.isEmpty()) {
            return new Timeline(interval, null, List.of(), Map.of());
        }
        long first = counts.keySet().stream().min(Long::compare).orElseThrow();
        long last = counts.keySet().stream().max(Long::compare).orElseThrow();
        if (last - first + 1 > MAX_BUCKETS) {
            throw new InvalidQueryException("the matching articles span " + (last - first + 1) + " "
                    + interval.name().toLowerCase(Locale.ROOT) + "s, more than " + MAX_BUCKETS
                    + " can be charted: narrow the dates or use a wider interval", null);
        }
        Map<String, List<Long>> perEntity = new LinkedHashMap<>();
        FacetResult top = topChildren((FacetsCollector) overall[1], ArticleSchema.ENTITY_FACET, TIMELINE_ENTITIES);
        if (top != null) {
            for (LabelAndValue entity : top.labelValues) {
                Query mentioning = new BooleanQuery.Builder()
                        .add(query, Occur.MUST)
                        .add(new TermQuery(new Term(ArticleSchema.ENTITIES, entity.label)), Occur.FILTER)
                        .build();
                Map<Long, Long> entityCounts = searcher.search(mentioning, new BucketCounter(interval));
                requireInTime(searcher);
                perEntity.put(entity.label, series(entityCounts, first, last));
            }
        }
        return new Timeline(interval, Instant.ofEpochMilli(first * interval.millis()),
                series(counts, first, last), perEntity);
    }

    /** The article indexed under {@code id}, with its full text, mentions and quotes. */
    public Optional<TaggedArticle> article(String id) throws IOException {
        TopDocs top = view.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(ArticleSchema.toTaggedArticle(view.storedFields().document(top.scoreDocs[0].doc)));
    }

    /** Every copy of the story, first published first; empty when no article has that story id. */
    public Optional<Story> story(String storyId) throws IOException {
        IndexSearcher searcher = timed();
        TopDocs copies = searcher.search(
                new TermQuery(new Term(ArticleSchema.STORY_ID, storyId)), STORY_COPIES, sort(Order.OLDEST));
        requireInTime(searcher);
        if (copies.scoreDocs.length == 0) {
            return Optional.empty();
        }
        StoredFields stored = searcher.storedFields();
        List<Document> docs = new ArrayList<>();
        Set<String> outlets = new LinkedHashSet<>();
        for (ScoreDoc copy : copies.scoreDocs) {
            Document doc = stored.document(copy.doc, HIT_FIELDS);
            docs.add(doc);
            outlets.add(doc.get(ArticleSchema.SOURCE));
        }
        outlets.remove(null);
        List<Hit> articles = docs.stream().map(doc -> toHit(doc, null, List.copyOf(outlets))).toList();
        return Optional.of(new Story(storyId, List.copyOf(outlets), articles));
    }

    /**
     * Up to {@code size} articles sharing the most telling words of the article {@code id}, one per story
     * and copies of its own story left out; empty when there is no such article.
     */
    public List<Hit> moreLikeThis(String id, int size) throws IOException {
        IndexSearcher searcher = timed();
        TopDocs found = searcher.search(new TermQuery(new Term(ArticleSchema.ID, id)), 1);
        if (found.scoreDocs.length == 0) {
            return List.of();
        }
        StoredFields stored = searcher.storedFields();
        String storyId = stored.document(found.scoreDocs[0].doc, Set.of(ArticleSchema.STORY_ID)).get(ArticleSchema.STORY_ID);
        MoreLikeThis likeness = new MoreLikeThis(searcher.getIndexReader());
        likeness.setAnalyzer(ANALYZER);
        likeness.setFieldNames(new String[] {ArticleSchema.TITLE, ArticleSchema.BODY});
        likeness.setMinTermFreq(1);
        likeness.setMinDocFreq(1);
        likeness.setMaxQueryTerms(25);
        Query like = new BooleanQuery.Builder()
                .add(likeness.like(found.scoreDocs[0].doc), Occur.MUST)
                .add(new TermQuery(new Term(ArticleSchema.STORY_ID, storyId)), Occur.MUST_NOT)
                .build();
        TopDocs similar = searcher.search(like, size * 4);
        requireInTime(searcher);
        List<Hit> hits = new ArrayList<>();
        Set<String> stories = new HashSet<>();
        for (ScoreDoc scoreDoc : similar.scoreDocs) {
            Document doc = stored.document(scoreDoc.doc, HIT_FIELDS);
            if (stories.add(doc.get(ArticleSchema.STORY_ID)) && hits.size() < size) {
                hits.add(toHit(doc, null, outlets(searcher, doc)));
            }
        }
        return hits;
    }

    /**
     * Hands every article matching the request (its cursor and size aside) to {@code out}, in the
     * requested order and without collapsing stories, a batch at a time, so an export of any size holds
     * only one batch in memory. The time budget applies to each batch.
     */
    public void export(SearchRequest request, IOConsumer<Hit> out) throws IOException {
        Query query = filtered(request);
        Sort sort = sort(request.order());
        FieldDoc after = null;
        while (true) {
            IndexSearcher searcher = timed();
            TopDocs batch = searcher.searchAfter(after, query, EXPORT_BATCH, sort);
            requireInTime(searcher);
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc scoreDoc : batch.scoreDocs) {
                Document doc = stored.document(scoreDoc.doc, HIT_FIELDS);
                String source = doc.get(ArticleSchema.SOURCE);
                out.accept(toHit(doc, null, source == null ? List.of() : List.of(source)));
                after = (FieldDoc) scoreDoc;
            }
            if (batch.scoreDocs.length < EXPORT_BATCH) {
                return;
            }
        }
    }

    /** The request as one Lucene query: the typed query, then every filter. */
    static Query filtered(SearchRequest request) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(QuerySyntax.parse(request.query()), Occur.MUST);
        for (String entity : request.entities()) {
            query.add(new TermQuery(new Term(ArticleSchema.ENTITIES, entity.toLowerCase(Locale.ROOT))), Occur.FILTER);
        }
        if (!request.sources().isEmpty()) {
            BooleanQuery.Builder anySource = new BooleanQuery.Builder();
            for (String source : request.sources()) {
                anySource.add(new TermQuery(new Term(ArticleSchema.SOURCE, source.toLowerCase(Locale.ROOT))), Occur.SHOULD);
            }
            query.add(anySource.build(), Occur.FILTER);
        }
        if (request.from() != null || request.to() != null) {
            long from = request.from() == null ? Long.MIN_VALUE : request.from().toEpochMilli();
            long to = request.to() == null ? Long.MAX_VALUE : request.to().toEpochMilli();
            query.add(LongPoint.newRangeQuery(ArticleSchema.PUBLISHED_AT, from, to), Occur.FILTER);
        }
        if (request.about() != null) {
            query.add(new TermQuery(new Term(ArticleSchema.ABOUT, request.about().toString())), Occur.FILTER);
        }
        return query.build();
    }

    /** A searcher over the same view that gives up when the budget is spent. */
    private IndexSearcher timed() {
        IndexSearcher searcher = new IndexSearcher(view.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(budget.toMillis()));
        return searcher;
    }

    private void requireInTime(IndexSearcher searcher) {
        if (searcher.timedOut()) {
            throw new QueryTooSlowException(budget);
        }
    }

    /**
     * Whether {@code doc} is the copy of its story that the order puts first among the matches. Most
     * stories have one copy, which needs no search.
     */
    private boolean leadsStory(IndexSearcher searcher, Query query, Sort sort, int doc, String storyId)
            throws IOException {
        Term story = new Term(ArticleSchema.STORY_ID, storyId);
        if (searcher.getIndexReader().docFreq(story) <= 1) {
            return true;
        }
        Query copies = new BooleanQuery.Builder().add(query, Occur.MUST).add(new TermQuery(story), Occur.FILTER).build();
        TopDocs first = searcher.search(copies, 1, sort);
        requireInTime(searcher);
        return first.scoreDocs.length == 0 || first.scoreDocs[0].doc == doc;
    }

    /** Every outlet that ran the article's story, the first to publish first. */
    private List<String> outlets(IndexSearcher searcher, Document doc) throws IOException {
        String source = doc.get(ArticleSchema.SOURCE);
        Term story = new Term(ArticleSchema.STORY_ID, doc.get(ArticleSchema.STORY_ID));
        if (searcher.getIndexReader().docFreq(story) <= 1) {
            return source == null ? List.of() : List.of(source);
        }
        TopDocs copies = searcher.search(new TermQuery(story), STORY_COPIES, sort(Order.OLDEST));
        requireInTime(searcher);
        StoredFields stored = searcher.storedFields();
        Set<String> outlets = new LinkedHashSet<>();
        for (ScoreDoc copy : copies.scoreDocs) {
            String outlet = stored.document(copy.doc, Set.of(ArticleSchema.SOURCE)).get(ArticleSchema.SOURCE);
            if (outlet != null) {
                outlets.add(outlet);
            }
        }
        return List.copyOf(outlets);
    }

    private String[] snippets(Query query, List<Integer> docs) throws IOException {
        if (docs.isEmpty()) {
            return new String[0];
        }
        int[] ids = docs.stream().mapToInt(Integer::intValue).toArray();
        return highlighter.highlightFields(new String[] {ArticleSchema.BODY}, query, ids, new int[] {PASSAGES})
                .get(ArticleSchema.BODY);
    }

    private Facets facets(FacetsCollector matches) throws IOException {
        if (view.facets() == null) {
            return Facets.NONE;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(view.facets(), matches);
        return new Facets(
                counts(counts, ArticleSchema.ENTITY_FACET),
                counts(counts, ArticleSchema.SOURCE_FACET),
                counts(counts, ArticleSchema.KIND_FACET),
                counts(counts, ArticleSchema.LANGUAGE_FACET));
    }

    private FacetResult topChildren(FacetsCollector matches, String dimension, int limit) throws IOException {
        if (view.facets() == null) {
            return null;
        }
        return topChildren(new SortedSetDocValuesFacetCounts(view.facets(), matches), dimension, limit);
    }

    private static FacetResult topChildren(SortedSetDocValuesFacetCounts counts, String dimension, int limit)
            throws IOException {
        try {
            return counts.getTopChildren(limit, dimension);
        } catch (IllegalArgumentException dimensionNotIndexedYet) {
            return null;
        }
    }

    private static Map<String, Long> counts(SortedSetDocValuesFacetCounts counts, String dimension) throws IOException {
        FacetResult result = topChildren(counts, dimension, FACET_VALUES);
        Map<String, Long> values = new LinkedHashMap<>();
        if (result != null) {
            for (LabelAndValue value : result.labelValues) {
                values.put(value.label, value.value.longValue());
            }
        }
        return values;
    }

    private static List<Long> series(Map<Long, Long> counts, long first, long last) {
        List<Long> series = new ArrayList<>((int) (last - first + 1));
        for (long bucket = first; bucket <= last; bucket++) {
            series.add(counts.getOrDefault(bucket, 0L));
        }
        return series;
    }

    private static Sort sort(Order order) {
        SortField byId = new SortField(ArticleSchema.ID, SortField.Type.STRING);
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byId);
            case NEWEST -> new Sort(byPublished(true), byId);
            case OLDEST -> new Sort(byPublished(false), byId);
        };
    }

    private static SortField byPublished(boolean newestFirst) {
        SortField field = new SortField(ArticleSchema.PUBLISHED_AT, SortField.Type.LONG, newestFirst);
        field.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        return field;
    }

    private static Hit toHit(Document doc, String highlighted, List<String> outlets) {
        IndexableField publishedAt = doc.getField(ArticleSchema.PUBLISHED_AT);
        return new Hit(
                doc.get(ArticleSchema.ID),
                doc.get(ArticleSchema.TITLE),
                doc.get(ArticleSchema.URL),
                doc.get(ArticleSchema.SOURCE),
                publishedAt == null ? null : Instant.ofEpochMilli(publishedAt.numericValue().longValue()),
                List.of(doc.getValues(ArticleSchema.ENTITIES)),
                highlighted != null ? highlighted.strip() : opening(doc.get(ArticleSchema.BODY)),
                doc.get(ArticleSchema.STORY_ID),
                outlets);
    }

    /** The body's first words, escaped, for articles that match outside the body. */
    private static String opening(String body) {
        if (body.length() <= SNIPPET_LENGTH) {
            return Html.escape(body);
        }
        int cut = body.lastIndexOf(' ', SNIPPET_LENGTH);
        return Html.escape(body.substring(0, cut > 0 ? cut : SNIPPET_LENGTH)) + " …";
    }

    /** Counts matching articles per time bucket from the publication-time doc values. */
    private static final class BucketCounter
            implements CollectorManager<BucketCollector, Map<Long, Long>> {
        private final Interval interval;

        BucketCounter(Interval interval) {
            this.interval = interval;
        }

        @Override
        public BucketCollector newCollector() {
            return new BucketCollector(interval.millis());
        }

        @Override
        public Map<Long, Long> reduce(Collection<BucketCollector> collectors) {
            Map<Long, Long> total = new HashMap<>();
            for (BucketCollector collector : collectors) {
                collector.counts.forEach((bucket, count) -> total.merge(bucket, count, Long::sum));
            }
            return total;
        }
    }

    private static final class BucketCollector extends SimpleCollector {
        private final long millis;
        private final Map<Long, Long> counts = new HashMap<>();
        private NumericDocValues published;

        BucketCollector(long millis) {
            this.millis = millis;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            published = DocValues.getNumeric(context.reader(), ArticleSchema.PUBLISHED_AT);
        }

        @Override
        public void collect(int doc) throws IOException {
            if (published.advanceExact(doc)) {
                counts.merge(Math.floorDiv(published.longValue(), millis), 1L, Long::sum);
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
