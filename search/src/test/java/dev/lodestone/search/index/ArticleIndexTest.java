package dev.lodestone.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lodestone.core.Article;
import dev.lodestone.core.DataFolderInUseException;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.StoryArticles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleIndexTest {
    private static final TopicPartition P0 = new TopicPartition("lodestone.tagged", 0);
    private static final TopicPartition P1 = new TopicPartition("lodestone.tagged", 1);

    @TempDir
    Path dir;

    @Test
    void upsertingTheSameIdTwiceKeepsOneDocumentWithTheLatestRevision() throws Exception {
        TaggedArticle first = StoryArticles.MOU_SIGNED;
        Article revised = revise(first.article(), "FWO and USSM sign $500m minerals MoU");
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.upsert(first);
            index.upsert(first.withArticle(revised));
            index.refresh();

            assertEquals(1, index.count());
            assertEquals("FWO and USSM sign $500m minerals MoU", index.withSearcher(searcher -> searcher.storedFields()
                    .document(searcher.search(new TermQuery(new Term(ArticleSchema.ID, first.id())), 1).scoreDocs[0].doc)
                    .get(ArticleSchema.TITLE)));
        }
    }

    @Test
    void anArticleReadBackKeepsWhatItsPageToldBesidesTheText() throws Exception {
        TaggedArticle first = StoryArticles.MOU_SIGNED;
        Article a = first.article();
        Article fromItsPage = new Article(a.schema(), a.id(), a.url(), a.feedUrl(), a.source(), a.title(), a.byline(),
                a.body(), a.publishedAt(), a.dateSource(), a.fetchedAt(), a.language(), a.revision(), a.contentHash(),
                Instant.parse("2025-09-08T16:00:00Z"), "https://www.dawn.com/img/mou.jpg", "Business");
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.upsert(first.withArticle(fromItsPage));
            index.refresh();

            TaggedArticle readBack = index.withSearcher(searcher -> ArticleSchema.toTaggedArticle(searcher.storedFields()
                    .document(searcher.search(new TermQuery(new Term(ArticleSchema.ID, first.id())), 1).scoreDocs[0].doc)));

            assertEquals(fromItsPage, readBack.article());
        }
    }

    @Test
    void aRebuiltIndexReplacesEveryDocumentAndBringsItsOffsets() throws Exception {
        Path rebuilt = dir.resolve("rebuilt");
        try (ArticleIndex index = ArticleIndex.open(rebuilt)) {
            index.upsert(StoryArticles.MOU_SIGNED);
            index.commit(Map.of(P0, 9L));
        }
        try (ArticleIndex index = ArticleIndex.open(dir.resolve("live"))) {
            index.upsert(StoryArticles.FIRST_SHIPMENT);
            index.upsert(StoryArticles.MOU_SIGNED);
            index.commit(Map.of(P0, 4L, P1, 2L));

            index.replaceWith(rebuilt);

            assertEquals(1, index.count());
            assertEquals(Map.of(P0, 9L), index.committedOffsets());
        }
    }

    @Test
    void offsetsCommittedWithTheDocumentsAreReadBackAfterReopening() throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.upsert(StoryArticles.MOU_SIGNED);
            index.commit(Map.of(P0, 7L, P1, 3L));
        }

        try (ArticleIndex reopened = ArticleIndex.open(dir)) {
            assertEquals(Map.of(P0, 7L, P1, 3L), reopened.committedOffsets());
            assertEquals(1, reopened.count());
        }
    }

    @Test
    void aCommitKeepsTheOffsetsOfPartitionsItDoesNotMention() throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.commit(Map.of(P0, 7L, P1, 3L));
            index.commit(Map.of(P1, 5L));

            assertEquals(Map.of(P0, 7L, P1, 5L), index.committedOffsets());
        }
    }

    @Test
    void closingWithoutACommitDiscardsTheUncommittedDocumentsAsACrashWould() throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            index.upsert(StoryArticles.MOU_SIGNED);
            index.commit(Map.of(P0, 1L));
            index.upsert(StoryArticles.FIRST_SHIPMENT);
            index.refresh();
            assertEquals(2, index.count());
        }

        try (ArticleIndex reopened = ArticleIndex.open(dir)) {
            assertEquals(1, reopened.count());
            assertEquals(Map.of(P0, 1L), reopened.committedOffsets());
        }
    }

    @Test
    void aNewIndexHasNoDocumentsAndNoOffsets() throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            assertEquals(0, index.count());
            assertEquals(Map.of(), index.committedOffsets());
        }
    }

    @Test
    void aSecondIndexOnTheSameFolderIsRefused() throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            assertThrows(DataFolderInUseException.class, () -> ArticleIndex.open(dir));

            assertEquals(0, index.count(), "the index that holds the folder stays usable");
        }
    }

    private static Article revise(Article a, String title) {
        return new Article(a.schema(), a.id(), a.url(), a.feedUrl(), a.source(), title, a.byline(), a.body(),
                a.publishedAt(), a.dateSource(), a.fetchedAt(), a.language(), a.revision() + 1, a.contentHash());
    }
}
