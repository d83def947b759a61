package dev.lodestone.search.alert.match;

import dev.lodestone.core.AlertRule;
import dev.lodestone.search.index.ArticleSchema;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

/**
 * How loud a rule would be, answered before anyone saves it: how many indexed articles it would have matched
 * in the last 7 and 30 days, with the newest few as samples. It runs the very query the monitor would register
 * ({@link RuleQuery}), so the preview and the alerts cannot disagree.
 */
public final class RulePreview {
    public static final int SAMPLES = 5;

    /** The answer. */
    public record Preview(long lastWeek, long lastMonth, List<Sample> samples) {}

    /** One article the rule would have alerted on. */
    public record Sample(String id, String title, String url, String source, Instant publishedAt) {}

    private RulePreview() {}

    /**
     * Previews {@code rule} against {@code searcher} as of {@code now}.
     *
     * @throws InvalidRuleException when the rule's query or a filter is not valid
     */
    public static Preview of(AlertRule rule, IndexSearcher searcher, Instant now) throws IOException {
        Query query = RuleQuery.of(rule);
        long lastWeek = searcher.count(since(query, now.minus(Duration.ofDays(7)), now));
        Query lastMonth = since(query, now.minus(Duration.ofDays(30)), now);
        long monthCount = searcher.count(lastMonth);
        TopDocs newest = searcher.search(lastMonth, SAMPLES,
                new Sort(new SortField(ArticleSchema.PUBLISHED_AT, SortField.Type.LONG, true)));
        StoredFields stored = searcher.storedFields();
        List<Sample> samples = new ArrayList<>();
        for (ScoreDoc hit : newest.scoreDocs) {
            samples.add(sample(stored.document(hit.doc)));
        }
        return new Preview(lastWeek, monthCount, samples);
    }

    private static Query since(Query query, Instant from, Instant to) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(ArticleSchema.PUBLISHED_AT, from.toEpochMilli(), to.toEpochMilli()),
                        BooleanClause.Occur.FILTER)
                .build();
    }

    private static Sample sample(Document doc) {
        IndexableField publishedAt = doc.getField(ArticleSchema.PUBLISHED_AT);
        return new Sample(doc.get(ArticleSchema.ID), doc.get(ArticleSchema.TITLE), doc.get(ArticleSchema.URL),
                doc.get(ArticleSchema.SOURCE),
                publishedAt == null ? null : Instant.ofEpochMilli(publishedAt.numericValue().longValue()));
    }
}
