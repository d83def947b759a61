package dev.lodestone.search.alert.match;

import dev.lodestone.core.Article;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.index.ArticleSchema;
import java.time.Instant;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * An article as the monitor sees it: the searchable fields of the index document, built by the same rules
 * ({@link ArticleSchema}'s field names, exact identifier terms, English text, publication time falling back to
 * fetch time). Stored-only fields are left out, since a one-document match never displays anything.
 *
 * <p>This mirrors {@code ArticleSchema.toDocument}, which is package-private; {@code AlertMatcherTest} checks
 * that both agree by running every test query against the real index too.
 */
public final class ArticleDocument {
    private ArticleDocument() {}

    public static Document of(TaggedArticle tagged) {
        Article article = tagged.article();
        Document doc = new Document();
        doc.add(new StringField(ArticleSchema.ID, article.id(), Field.Store.NO));
        if (article.source() != null) {
            doc.add(new StringField(ArticleSchema.SOURCE, article.source(), Field.Store.NO));
        }
        doc.add(new TextField(ArticleSchema.TITLE, article.title(), Field.Store.NO));
        doc.add(new TextField(ArticleSchema.BODY, article.body(), Field.Store.NO));
        for (String entity : tagged.entities()) {
            doc.add(new StringField(ArticleSchema.ENTITIES, entity, Field.Store.NO));
        }
        Instant when = article.publishedAt() != null ? article.publishedAt() : article.fetchedAt();
        if (when != null) {
            doc.add(new LongPoint(ArticleSchema.PUBLISHED_AT, when.toEpochMilli()));
        }
        doc.add(new StringField(ArticleSchema.ABOUT, Boolean.toString(tagged.about()), Field.Store.NO));
        if (tagged.storyId() != null) {
            doc.add(new StringField(ArticleSchema.STORY_ID, tagged.storyId(), Field.Store.NO));
        }
        return doc;
    }
}
