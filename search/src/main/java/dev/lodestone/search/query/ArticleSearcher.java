package dev.lodestone.search.query;

import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.index.ArticleSchema;
import dev.lodestone.search.index.FacetedSearcher;
import dev.lodestone.search.query.SearchRequest.Order;
import dev.lodestone.search.query.Timeline.Interval;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
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
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
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
 * body, and passages break at full stops rather than by the JDK's sentence rules, which cost more than
 * the rest of a search together. They are HTML with everything but the {@code <mark>} tags escaped: article text comes from the
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
    /** Bounds the copies looked at to collapse one page: a story run thousands of times is not normal news. */
    private static final int MAX_COPIES = 10_000;
    private static final Analyzer ANALYZER = ArticleSchema.analyzer();
    private static final Set<String> HIT_FIELDS = Set.of(ArticleSchema.ID, ArticleSchema.TITLE, ArticleSchema.URL,
            ArticleSchema.SOURCE, ArticleSchema.PUBLISHED_AT, ArticleSchema.ENTITIES, ArticleSchema.BODY,
            ArticleSchema.STORY_ID);

    private final FacetedSearcher view;
    private final Duration budget;
    private final UnifiedHighlighter.Builder highlighting;

    public ArticleSearcher(FacetedSearcher view) {
        this(view, DEFAULT_BUDGET);
    }

    /** @param budget how long one call may search before it fails */
    public ArticleSearcher(FacetedSearcher view, Duration budget) {
        this.view = view;
        this.budget = budget;
        this.highlighting = UnifiedHighlighter.builder(view, ANALYZER)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new CustomSeparatorBreakIterator('.'), SNIPPET_LENGTH / PASSAGES, 0.5f))
                .withMaxNoHighlightPassages(0);
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
        TopDocs page;
        long total;
        Facets facets;
        if (isEverything(request)) {
            // Every article matches: the count and the facets are the view's own, and the sort may stop early.
            page = searcher.search(query, new TopFieldCollectorManager(sort, batch, after, batch));
            requireInTime(searcher);
            total = searcher.getIndexReader().numDocs();
            facets = facets(view.countsOfAll());
        } else {
            Object[] first = searcher.search(query, new MultiCollectorManager(
                    new TopFieldCollectorManager(sort, batch, after, Integer.MAX_VALUE), new FacetsCollectorManager()));
            requireInTime(searcher);
            page = (TopFieldDocs) first[0];
            total = page.totalHits.value;
            facets = facets(view.facets() == null ? null
                    : new SortedSetDocValuesFacetCounts(view.facets(), (FacetsCollector) first[1]));
        }
        StoredFields stored = searcher.storedFields();
        List<Document> leaders = new ArrayList<>();
        List<Integer> leaderDocs = new ArrayList<>();
        FieldDoc last = after;
        boolean seenAll = page.scoreDocs.length == 0;
        while (leaders.size() < request.size() && !seenAll) {
            Map<String, Integer> storyLeaders = storyLeaders(searcher, query, sort, page.scoreDocs);
            for (int i = 0; i < page.scoreDocs.length && leaders.size() < request.size(); i++) {
                last = (FieldDoc) page.scoreDocs[i];
                String story = value(searcher, ArticleSchema.STORY_ID, last.doc);
                if (storyLeaders.getOrDefault(story, last.doc) == last.doc) {
                    leaders.add(stored.document(last.doc, HIT_FIELDS));
                    leaderDocs.add(last.doc);
                }
                seenAll = i == page.scoreDocs.length - 1 && page.scoreDocs.length < batch;
            }
            if (leaders.size() < request.size() && !seenAll) {
                page = searcher.searchAfter(last, query, batch, sort);
                requireInTime(searcher);
                seenAll = page.scoreDocs.length == 0;
            }
        }
        String[] snippets = snippets(query, leaderDocs, leaders);
        Map<String, List<String>> outlets = outlets(searcher, leaderDocs);
        List<Hit> hits = new ArrayList<>(leaders.size());
        for (int i = 0; i < leaders.size(); i++) {
            hits.add(toHit(leaders.get(i), snippets[i], outlets));
        }
        String next = seenAll ? null : Cursor.encode(request.order(), last);
        return new SearchResult(total, hits, facets, next);
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
        Map<String, List<String>> byStory = Map.of(storyId, List.copyOf(outlets));
        List<Hit> articles = docs.stream().map(doc -> toHit(doc, null, byStory)).toList();
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
        List<Integer> firstOfStory = new ArrayList<>();
        Set<String> stories = new HashSet<>();
        for (ScoreDoc scoreDoc : similar.scoreDocs) {
            if (stories.add(value(searcher, ArticleSchema.STORY_ID, scoreDoc.doc)) && firstOfStory.size() < size) {
                firstOfStory.add(scoreDoc.doc);
            }
        }
        Map<String, List<String>> outlets = outlets(searcher, firstOfStory);
        List<Hit> hits = new ArrayList<>();
        for (int doc : firstOfStory) {
            hits.add(toHit(stored.document(doc, HIT_FIELDS), null, outlets));
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
                out.accept(toHit(doc, null, Map.of()));
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
     * For each story of {@code docs} that has several copies, the copy the order puts first among all
     * matches, found with one search over those stories' copies. Stories with one copy are left out:
     * that copy leads, and needs no search.
     */
    private Map<String, Integer> storyLeaders(IndexSearcher searcher, Query query, Sort sort, ScoreDoc[] docs)
            throws IOException {
        StoryCopies copied = copied(searcher, Arrays.stream(docs).mapToInt(doc -> doc.doc).boxed().toList());
        if (copied.stories().isEmpty()) {
            return Map.of();
        }
        Query copies = new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(copied.query(), Occur.FILTER)
                .build();
        TopDocs inOrder = searcher.search(copies, copied.copies(), sort);
        requireInTime(searcher);
        Map<String, Integer> leaders = new HashMap<>();
        for (ScoreDoc copy : inOrder.scoreDocs) {
            leaders.putIfAbsent(value(searcher, ArticleSchema.STORY_ID, copy.doc), copy.doc);
        }
        return leaders;
    }

    /** Every outlet that ran each article's story, the first to publish first, by story id. */
    private Map<String, List<String>> outlets(IndexSearcher searcher, List<Integer> docs) throws IOException {
        StoryCopies copied = copied(searcher, docs);
        if (copied.stories().isEmpty()) {
            return Map.of();
        }
        TopDocs copies = searcher.search(copied.query(), copied.copies(), sort(Order.OLDEST));
        requireInTime(searcher);
        Map<String, Set<String>> outlets = new HashMap<>();
        for (ScoreDoc copy : copies.scoreDocs) {
            String outlet = value(searcher, ArticleSchema.SOURCE, copy.doc);
            if (outlet != null) {
                outlets.computeIfAbsent(value(searcher, ArticleSchema.STORY_ID, copy.doc), story -> new LinkedHashSet<>())
                        .add(outlet);
            }
        }
        Map<String, List<String>> lists = new HashMap<>();
        outlets.forEach((story, sources) -> lists.put(story, List.copyOf(sources)));
        return lists;
    }

    /** The stories among {@code docs} that have more than one copy, and how many copies they have in all. */
    private static StoryCopies copied(IndexSearcher searcher, List<Integer> docs) throws IOException {
        Set<String> stories = new HashSet<>();
        int copies = 0;
        for (int doc : docs) {
            String story = value(searcher, ArticleSchema.STORY_ID, doc);
            int count = searcher.getIndexReader().docFreq(new Term(ArticleSchema.STORY_ID, story));
            if (count > 1 && stories.add(story)) {
                copies += count;
            }
        }
        return new StoryCopies(stories, Math.min(copies, MAX_COPIES));
    }

    /** Stories with several copies, and how many copies there are (counting deleted ones, so never too few). */
    private record StoryCopies(Set<String> stories, int copies) {
        Query query() {
            return new TermInSetQuery(ArticleSchema.STORY_ID, stories.stream().map(BytesRef::new).toList());
        }
    }

    /** A single-valued doc value of {@code doc}: its story id or source, read without loading the document. */
    private static String value(IndexSearcher searcher, String field, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues values = DocValues.getSorted(leaf.reader(), field);
        return values.advanceExact(doc - leaf.docBase) ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
    }

    /**
     * Snippets of the body of each of {@code docs}, taking the body from the documents already loaded for
     * the hits rather than reading each hit's stored fields a second time.
     */
    private String[] snippets(Query query, List<Integer> docs, List<Document> loaded) throws IOException {
        if (docs.isEmpty()) {
            return new String[0];
        }
        Map<Integer, String> bodies = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            bodies.put(docs.get(i), loaded.get(i).get(ArticleSchema.BODY));
        }
        UnifiedHighlighter highlighter = new UnifiedHighlighter(highlighting) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                                                           int cacheCharsThreshold) throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    CharSequence[] row = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        row[f] = ArticleSchema.BODY.equals(fields[f]) ? bodies.get(doc) : null;
                    }
                    values.add(row);
                }
                return values;
            }
        };
        int[] ids = docs.stream().mapToInt(Integer::intValue).toArray();
        return highlighter.highlightFields(new String[] {ArticleSchema.BODY}, query, ids, new int[] {PASSAGES})
                .get(ArticleSchema.BODY);
    }

    private static Facets facets(org.apache.lucene.facet.Facets counts) throws IOException {
        if (counts == null) {
            return Facets.NONE;
        }
        return new Facets(
                counts(counts, ArticleSchema.ENTITY_FACET),
                counts(counts, ArticleSchema.SOURCE_FACET),
                counts(counts, ArticleSchema.KIND_FACET),
                counts(counts, ArticleSchema.LANGUAGE_FACET));
    }

    /** Whether the request matches every article: no query and no filter. */
    private static boolean isEverything(SearchRequest request) {
        return request.query().isBlank() && request.entities().isEmpty() && request.sources().isEmpty()
                && request.from() == null && request.to() == null && request.about() == null;
    }

    private FacetResult topChildren(FacetsCollector matches, String dimension, int limit) throws IOException {
        if (view.facets() == null) {
            return null;
        }
        return topChildren(new SortedSetDocValuesFacetCounts(view.facets(), matches), dimension, limit);
    }

    private static FacetResult topChildren(org.apache.lucene.facet.Facets counts, String dimension, int limit)
            throws IOException {
        try {
            return counts.getTopChildren(limit, dimension);
        } catch (IllegalArgumentException dimensionNotIndexedYet) {
            return null;
        }
    }

    private static Map<String, Long> counts(org.apache.lucene.facet.Facets counts, String dimension) throws IOException {
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

    private static Hit toHit(Document doc, String highlighted, Map<String, List<String>> outletsByStory) {
        String source = doc.get(ArticleSchema.SOURCE);
        List<String> outlets = outletsByStory.getOrDefault(doc.get(ArticleSchema.STORY_ID),
                source == null ? List.of() : List.of(source));
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
