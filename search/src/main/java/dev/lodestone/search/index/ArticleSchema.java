package dev.lodestone.search.index;

import dev.lodestone.core.Article;
import dev.lodestone.core.Json;
import dev.lodestone.core.Quote;
import dev.lodestone.core.TaggedArticle;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/**
 * What the index holds about an article, field by field; the one place that knows the field names, so
 * indexing and querying cannot drift apart.
 *
 * <p>Title, body, byline and quotes are analysed English text; title and body keep offsets in their
 * postings, so snippets are cut without analysing a body again. Identifiers (source, entities, kinds,
 * speakers, language, about) are single lower-case terms: {@code entity:frontier-works-organisation}
 * must not be split at its hyphens. {@link #PUBLISHED_AT} is a point for ranges and a doc value for
 * sorting and timelines; when the outlet gives no date it holds the time the article was fetched, so
 * undated articles still sort by arrival. Entities, kinds, sources and languages are also facet
 * dimensions, counted for any query from doc values; id, source and story id have doc values too, for
 * tie-breaking sorts and for grouping copies of a story without loading stored documents.
 *
 * <p>Everything else analyze said about the article (mentions, quotes, reasons...) is kept as one
 * stored JSON record next to the title and body, so {@link #toTaggedArticle} gives back the article as it
 * was published without storing its text twice.
 */
public final class ArticleSchema {
    public static final String ID = "id";
    public static final String URL = "url";
    public static final String SOURCE = "source";
    public static final String TITLE = "title";
    public static final String BODY = "body";
    public static final String BYLINE = "byline";
    public static final String LANGUAGE = "language";
    public static final String ENTITIES = "entities";
    public static final String KINDS = "kinds";
    public static final String SPEAKERS = "speaker";
    public static final String QUOTES = "quote";
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String RELEVANCE = "relevance";
    public static final String ABOUT = "about";
    public static final String STORY_ID = "storyId";
    public static final String REVISION = "revision";
    /** The rest of the tagged article as JSON, title and body left out. */
    private static final String RECORD = "record";

    /** Facet dimensions. */
    public static final String ENTITY_FACET = "entity";
    public static final String KIND_FACET = "kind";
    public static final String SOURCE_FACET = "source";
    public static final String LANGUAGE_FACET = "language";

    public static final FacetsConfig FACETS = facetsConfig();

    private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

    private ArticleSchema() {}

    /** English text analysis for text fields; identifier fields are kept whole, in lower case. */
    public static Analyzer analyzer() {
        Analyzer exact = new ExactAnalyzer();
        return new PerFieldAnalyzerWrapper(new NewsAnalyzer(), Map.of(
                ID, new KeywordAnalyzer(), STORY_ID, new KeywordAnalyzer(),
                SOURCE, exact, ENTITIES, exact, KINDS, exact, SPEAKERS, exact, LANGUAGE, exact, ABOUT, exact));
    }

    /** The article as it was indexed, or as near as the stored fields allow. */
    public static TaggedArticle toTaggedArticle(Document doc) {
        TaggedArticle rest = Json.fromBytes(doc.getBinaryValue(RECORD).bytes, TaggedArticle.class);
        return rest.withArticle(rest.article().withText(doc.get(TITLE), doc.get(BODY)));
    }

    /** The instant an article sorts and counts by: published, or else fetched. */
    public static Instant when(Article article) {
        return article.publishedAt() != null ? article.publishedAt() : article.fetchedAt();
    }

    static Document toDocument(TaggedArticle tagged) {
        Article article = tagged.article();
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(article.id())));
        doc.add(new StoredField(URL, article.url()));
        if (article.source() != null) {
            String source = exact(article.source());
            doc.add(new StringField(SOURCE, source, Field.Store.YES));
            doc.add(new SortedDocValuesField(SOURCE, new BytesRef(source)));
            doc.add(new SortedSetDocValuesFacetField(SOURCE_FACET, source));
        }
        doc.add(new Field(TITLE, article.title(), TEXT_WITH_OFFSETS));
        doc.add(new Field(BODY, article.body(), TEXT_WITH_OFFSETS));
        if (article.byline() != null) {
            doc.add(new TextField(BYLINE, article.byline(), Field.Store.NO));
        }
        if (article.language() != null && !article.language().isBlank()) {
            String language = exact(article.language());
            doc.add(new StringField(LANGUAGE, language, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(LANGUAGE_FACET, language));
        }
        for (String entity : tagged.entities()) {
            doc.add(new StringField(ENTITIES, exact(entity), Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField(ENTITY_FACET, exact(entity)));
        }
        for (String kind : new LinkedHashSet<>(tagged.entityKinds().values())) {
            doc.add(new StringField(KINDS, exact(kind), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(KIND_FACET, exact(kind)));
        }
        Set<String> speakers = new LinkedHashSet<>();
        for (Quote quote : tagged.quotes()) {
            speakers.add(exact(quote.entity()));
            doc.add(new TextField(QUOTES, quote.text(), Field.Store.NO));
        }
        speakers.forEach(speaker -> doc.add(new StringField(SPEAKERS, speaker, Field.Store.NO)));
        Instant when = when(article);
        if (when != null) {
            long millis = when.toEpochMilli();
            doc.add(new LongPoint(PUBLISHED_AT, millis));
            doc.add(new NumericDocValuesField(PUBLISHED_AT, millis));
            doc.add(new StoredField(PUBLISHED_AT, millis));
        }
        doc.add(new DoublePoint(RELEVANCE, tagged.relevance()));
        doc.add(new StringField(ABOUT, Boolean.toString(tagged.about()), Field.Store.NO));
        doc.add(new StringField(STORY_ID, tagged.storyId(), Field.Store.YES));
        doc.add(new SortedDocValuesField(STORY_ID, new BytesRef(tagged.storyId())));
        doc.add(new IntPoint(REVISION, article.revision()));
        doc.add(new StoredField(RECORD, Json.toBytes(withoutText(tagged))));
        try {
            return FACETS.build(doc);
        } catch (IOException e) {
            throw new IllegalStateException("sorted-set facets need no taxonomy, so cannot fail on I/O", e);
        }
    }

    /** Identifier values are matched in lower case, as the query side lowers what analysts type. */
    private static String exact(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static TaggedArticle withoutText(TaggedArticle tagged) {
        return tagged.withArticle(tagged.article().withText("", ""));
    }

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(ENTITY_FACET, true);
        config.setMultiValued(KIND_FACET, true);
        return config;
    }

    private static FieldType textWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /** One lower-cased term per value, for identifiers. */
    private static final class ExactAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer tokenizer = new KeywordTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
