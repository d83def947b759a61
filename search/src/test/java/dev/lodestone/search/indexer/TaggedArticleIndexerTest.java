package dev.lodestone.search.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.ConsumerLag;
import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import dev.lodestone.search.Eventually;
import dev.lodestone.search.StoryArticles;
import dev.lodestone.search.TestKafka;
import dev.lodestone.search.index.ArticleIndex;
import dev.lodestone.search.query.ArticleSearcher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TaggedArticleIndexerTest {
    private static final Logger LOG = LoggerFactory.getLogger(TaggedArticleIndexerTest.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(15);
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    private EmbeddedKafka kafka;

    @BeforeEach
    void startKafka() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    }

    @AfterEach
    void stopKafka() {
        kafka.close();
    }

    @Test
    void aPublishedArticleBecomesSearchable() throws Exception {
        TestKafka.createTopics(kafka.bootstrapServers());
        try (ArticleIndex index = ArticleIndex.open(dir.resolve("index"));
                TaggedArticleIndexer indexer = indexer(index, NEVER)) {
            indexer.start();
            TestKafka.publish(kafka.bootstrapServers(), List.of(StoryArticles.PTI_OBJECTS));
            Eventually.await("the indexer has caught up", CATCH_UP, () -> index.count() == 1);

            long published = System.nanoTime();
            TestKafka.publish(kafka.bootstrapServers(), List.of(StoryArticles.MOU_SIGNED));
            Eventually.await("the article is found", CATCH_UP, () -> index.withSearcher(
                    searcher -> new ArticleSearcher(searcher).search("antimony", 10).total() == 1));
            assertEquals(2, index.count());
            LOG.info("Published article searchable after {} ms", (System.nanoTime() - published) / 1_000_000);
        }
    }

    @Test
    void theIndexerReportsHowFarBehindTheTaggedTopicItIs() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        TestKafka.createTopics(kafka.bootstrapServers());
        TestKafka.publish(kafka.bootstrapServers(), List.of(StoryArticles.MOU_SIGNED, StoryArticles.PTI_OBJECTS));
        try (ArticleIndex index = ArticleIndex.open(dir.resolve("index"));
                TaggedArticleIndexer indexer = indexer(index, NEVER)) {
            Gauge lag = registry.get(ConsumerLag.METER).tags("topic", Topics.TAGGED, "consumer", "search-test").gauge();
            assertTrue(Double.isNaN(lag.value()), "unknown before the first fetch");

            indexer.start();

            Eventually.await("the lag is known to be nothing", CATCH_UP, () -> lag.value() == 0 && index.count() == 2);
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    @Test
    void theIndexerWaitsForTheTopicToBeCreated() throws Exception {
        try (ArticleIndex index = ArticleIndex.open(dir.resolve("index"));
                TaggedArticleIndexer indexer = indexer(index, NEVER)) {
            indexer.start();
            Thread.sleep(1_000);

            TestKafka.createTopics(kafka.bootstrapServers());
            TestKafka.publish(kafka.bootstrapServers(), List.of(StoryArticles.MOU_SIGNED));

            Eventually.await("the article is indexed", CATCH_UP, () -> index.count() == 1);
        }
    }

    @Test
    void recordsThatCannotBeIndexedAreSkipped() throws Exception {
        TestKafka.createTopics(kafka.bootstrapServers());
        String key = StoryArticles.MOU_SIGNED.id();
        TestKafka.publishRaw(kafka.bootstrapServers(), key, "{\"article\": \"not an article\"".getBytes(StandardCharsets.UTF_8));
        TestKafka.publishRaw(kafka.bootstrapServers(), key, null);
        TestKafka.publish(kafka.bootstrapServers(), List.of(withEntity(StoryArticles.MOU_SIGNED, "x".repeat(40_000))));
        TestKafka.publish(kafka.bootstrapServers(), List.of(StoryArticles.MOU_SIGNED));

        try (ArticleIndex index = ArticleIndex.open(dir.resolve("index"))) {
            try (TaggedArticleIndexer indexer = indexer(index, NEVER)) {
                indexer.start();
                Eventually.await("the valid article is indexed", CATCH_UP, () -> index.count() == 1);
            }
            assertEquals(4L, totalOffset(index), "the skipped records are committed as consumed");
        }
    }

    @Test
    void theIndexerResumesFromTheOffsetsCommittedInTheIndex() throws Exception {
        TestKafka.createTopics(kafka.bootstrapServers());
        TestKafka.publish(kafka.bootstrapServers(), articles(0, 4));

        try (ArticleIndex index = ArticleIndex.open(dir.resolve("index"))) {
            index.commit(endOffsets());
            try (TaggedArticleIndexer indexer = indexer(index, NEVER)) {
                indexer.start();
                TestKafka.publish(kafka.bootstrapServers(), List.of(StoryArticles.MOU_SIGNED));
                Eventually.await("the new article is indexed", CATCH_UP, () -> index.count() >= 1);
                Thread.sleep(500);

                assertEquals(1, index.count(), "articles before the committed offsets are not read again");
            }
        }
    }

    @Test
    void closingCommitsTheDocumentsWithTheirOffsets() throws Exception {
        TestKafka.createTopics(kafka.bootstrapServers());
        TestKafka.publish(kafka.bootstrapServers(), StoryArticles.ALL);

        try (ArticleIndex index = ArticleIndex.open(dir.resolve("index"))) {
            try (TaggedArticleIndexer indexer = indexer(index, NEVER)) {
                indexer.start();
                Eventually.await("the articles are indexed", CATCH_UP, () -> index.count() == 3);
            }
        }

        try (ArticleIndex reopened = ArticleIndex.open(dir.resolve("index"))) {
            assertEquals(3, reopened.count());
            assertEquals(3L, totalOffset(reopened));
        }
    }

    @Test
    void afterACrashOnlyTheUncommittedArticlesAreReadAgainAndNoneIsDuplicated() throws Exception {
        TestKafka.createTopics(kafka.bootstrapServers());
        Path live = dir.resolve("index");
        TestKafka.publish(kafka.bootstrapServers(), articles(0, 5));
        try (ArticleIndex index = ArticleIndex.open(live); TaggedArticleIndexer indexer = indexer(index, NEVER)) {
            indexer.start();
            Eventually.await("the first articles are indexed", CATCH_UP, () -> index.count() == 5);
        }

        Path crashed = dir.resolve("crashed-index");
        try (ArticleIndex index = ArticleIndex.open(live); TaggedArticleIndexer indexer = indexer(index, NEVER)) {
            indexer.start();
            TestKafka.publish(kafka.bootstrapServers(), articles(5, 9));
            Eventually.await("the later articles are searchable", CATCH_UP, () -> index.count() == 9);
            copyLastCommit(live, crashed);
        }

        try (ArticleIndex recovered = ArticleIndex.open(crashed)) {
            assertEquals(5, recovered.count(), "a crash keeps only what was committed");
            try (TaggedArticleIndexer indexer = indexer(recovered, NEVER)) {
                indexer.start();
                Eventually.await("the lost articles are indexed again", CATCH_UP, () -> recovered.count() == 9);
            }
            assertEquals(9, recovered.count());
            assertEquals(9L, totalOffset(recovered));
        }
    }

    private TaggedArticleIndexer indexer(ArticleIndex index, Duration commitInterval) {
        return new TaggedArticleIndexer(index, kafka.bootstrapServers(), "search-test", commitInterval);
    }

    private static List<TaggedArticle> articles(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> StoryArticles.tagged("https://news.example/antimony/" + i, "news.example",
                        "Antimony report " + i, "Report " + i + " on antimony exports.",
                        Instant.parse("2025-10-01T00:00:00Z").plusSeconds(i), List.of("antimony")))
                .toList();
    }

    /** The article tagged with an entity id longer than Lucene accepts as one term. */
    private static TaggedArticle withEntity(TaggedArticle a, String entity) {
        return new TaggedArticle(a.schema(), a.article(), List.of(entity), Map.of(), List.of(), List.of(), a.relevance(), a.about(),
                List.of(), a.storyId(), true, a.taggedAt());
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "search-test-admin"))) {
            Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, 3).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.TAGGED, p), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    private static long totalOffset(ArticleIndex index) {
        return index.committedOffsets().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Simulates what a crash leaves on disk: the files of the last commit, and nothing written since. */
    private static void copyLastCommit(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (FSDirectory directory = FSDirectory.open(from)) {
            List<IndexCommit> commits = DirectoryReader.listCommits(directory);
            for (String file : commits.get(commits.size() - 1).getFileNames()) {
                Files.copy(from.resolve(file), to.resolve(file));
            }
        }
    }
}
