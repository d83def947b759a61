package dev.lodestone.search.index;

import dev.lodestone.core.Article;
import dev.lodestone.core.TaggedArticle;
import java.time.Instant;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/**
 * What the index holds about an article, field by field; the one place that knows the field names, so
 * indexing and querying cannot drift apart.
 *
 * <p>Title and body are analysed English text with offsets kept in the postings, so snippets are cut
 * without analysing the body again. Identifiers (id, source, entities, story, about) are single exact
 * terms: {@code entity:frontier-works-organisation} must not be split at its hyphens.
 * {@link #PUBLISHED_AT} is a point for ranges and a doc value for newest-first sorting; when the outlet
 * gives no date it holds the time the article was fetched, so undated articles still sort by arrival.
 */
public final class ArticleSchema {
    public static final String ID = "id";
    public static final String URL = "url";
    public static final String SOURCE = "source";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String BYLINE = "byline";
    public static final String ENTITIES = "entities";
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String RELEVANCE = "relevance";
    public static final String ABOUT = "about";
    public static final String STORY_ID = "storyId";
    public static final String REVISION = "revision";

    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private ArticleSchema() {}

    /** English text analysis for title and body; identifier fields are kept whole. */
    public static Analyzer analyzer() {
        KeywordAnalyzer exact = new KeywordAnalyzer();
        return new PerFieldAnalyzerWrapper(new NewsAnalyzer(), Map.of(
                ID, exact, SOURCE, exact, ENTITIES, exact, ABOUT, exact, STORY_ID, exact));
    }

    static Document toDocument(TaggedArticle tagged) {
        Article article = tagged.article();
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Field.Store.YES));
        doc.add(new StoredField(URL, article.url()));
        if (article.source() != null) {
            doc.add(new StringField(SOURCE, article.source(), Field.Store.YES));
        }
        doc.add(new Field(TITLE, article.title(), TEXT_WITH_OFFSETS));
        doc.add(new Field(BODY, article.body(), TEXT_WITH_OFFSETS));
        if (article.byline() != null) {
            doc.add(new StoredField(BYLINE, article.byline()));
        }
        for (String entity : tagged.entities()) {
            doc.add(new StringField(ENTITIES, entity, Field.Store.YES));
        }
        Instant when = article.publishedAt() != null ? article.publishedAt() : article.fetchedAt();
        if (when != null) {
            long millis = when.toEpochMilli();
            doc.add(new LongPoint(PUBLISHED_AT, millis));
            doc.add(new NumericDocValuesField(PUBLISHED_AT, millis));
            doc.add(new StoredField(PUBLISHED_AT, millis));
        }
        doc.add(new StoredField(RELEVANCE, tagged.relevance()));
        doc.add(new StringField(ABOUT, Boolean.toString(tagged.about()), Field.Store.NO));
        if (tagged.storyId() != null) {
            doc.add(new StringField(STORY_ID, tagged.storyId(), Field.Store.YES));
        }
        doc.add(new StoredField(REVISION, article.revision()));
        return doc;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
