package dev.lodestone.search.query;

import dev.lodestone.search.index.ArticleSchema;
import java.io.IOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Runs one query in the {@linkplain QuerySyntax search syntax} over a point-in-time view of the index and
 * returns the best articles with snippets. A query ranks by relevance; no query lists the newest first.
 *
 * <p>Snippets come from the offsets stored in the body's postings, so highlighting never re-analyses a
 * body. They are HTML with everything but the {@code <mark>} tags escaped: article text comes from the
 * open web and must never reach a page as markup.
 */
public final class ArticleSearcher {
    /** Roughly how long a snippet is, in characters. */
    static final int SNIPPET_LENGTH = 200;

    private static final int PASSAGES = 2;
    private static final Analyzer ANALYZER = ArticleSchema.analyzer();
    private static final Sort NEWEST_FIRST = newestFirst();

    private final IndexSearcher searcher;
    private final UnifiedHighlighter highlighter;

    public ArticleSearcher(IndexSearcher searcher) {
        this.searcher = searcher;
        this.highlighter = UnifiedHighlighter.builder(searcher, ANALYZER)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_LENGTH / PASSAGES, 0.5f))
                .withMaxNoHighlightPassages(0)
                .build();
    }

    /**
     * The first {@code size} articles matching {@code query}, and how many match in all.
     *
     * @throws InvalidQueryException when the query is not valid
     */
    public SearchResult search(String query, int size) throws IOException {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        Query parsed = QuerySyntax.parse(query);
        TopDocs top = query == null || query.isBlank()
                ? searcher.search(parsed, new TopFieldCollectorManager(NEWEST_FIRST, size, null, Integer.MAX_VALUE))
                : searcher.search(parsed, new TopScoreDocCollectorManager(size, null, Integer.MAX_VALUE));
        String[] snippets = highlighter.highlight(ArticleSchema.BODY, parsed, top, PASSAGES);
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = 0; i < docs.length; i++) {
            hits.add(toHit(stored.document(docs[i].doc), snippets[i]));
        }
        return new SearchResult(top.totalHits.value, hits);
    }

    private static Hit toHit(Document doc, String highlighted) {
        IndexableField publishedAt = doc.getField(ArticleSchema.PUBLISHED_AT);
        return new Hit(
                doc.get(ArticleSchema.ID),
                doc.get(ArticleSchema.TITLE),
                doc.get(ArticleSchema.URL),
                doc.get(ArticleSchema.SOURCE),
                publishedAt == null ? null : Instant.ofEpochMilli(publishedAt.numericValue().longValue()),
                List.of(doc.getValues(ArticleSchema.ENTITIES)),
                highlighted != null ? highlighted.strip() : opening(doc.get(ArticleSchema.BODY)));
    }

    /** The body's first words, escaped, for articles that match outside the body. */
    private static String opening(String body) {
        if (body.length() <= SNIPPET_LENGTH) {
            return Html.escape(body);
        }
        int cut = body.lastIndexOf(' ', SNIPPET_LENGTH);
        return Html.escape(body.substring(0, cut > 0 ? cut : SNIPPET_LENGTH)) + " …";
    }

    private static Sort newestFirst() {
        SortField field = new SortField(ArticleSchema.PUBLISHED_AT, SortField.Type.LONG, true);
        field.setMissingValue(Long.MIN_VALUE);
        return new Sort(field);
    }
}
