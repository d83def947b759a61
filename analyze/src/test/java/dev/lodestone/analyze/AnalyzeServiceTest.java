package dev.lodestone.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.analyze.story.StoryClusterer;
import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeServiceTest {
    @TempDir
    Path data;
    private EmbeddedKafka kafka;

    @BeforeEach
    void startKafka() throws Exception {
        kafka = EmbeddedKafka.start(data, 0);
        try (Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "test"))) {
            Topics.ensureExist(admin, 2);
        }
    }

    @AfterEach
    void stopKafka() {
        kafka.close();
    }

    @Test
    void everyArticleIsTaggedOnceAndAMalformedRecordIsSkipped() throws Exception {
        try (var producer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), "test"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "a", JsonSerde.<Article>serializer().serialize(null,
                    article("https://example.com/a", "FWO ships antimony to USSM")))).get();
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "junk", "{not json".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "b", JsonSerde.<Article>serializer().serialize(null,
                    article("https://example.com/b", "Rain in Lahore")))).get();
        }

        try (AnalyzeService service = new AnalyzeService(new ArticleAnalyzer(WatchlistLoader.bundled(), Clock.systemUTC()),
                StoryClusterer.Settings.DEFAULT, kafka.bootstrapServers(), "test")) {
            service.start();
            List<TaggedArticle> tagged = readTagged(2);

            assertEquals(2, tagged.size());
            TaggedArticle fwo = tagged.stream().filter(t -> t.article().url().endsWith("/a")).findFirst().orElseThrow();
            assertTrue(fwo.entities().containsAll(List.of("frontier-works-organisation", "antimony", "us-strategic-metals")),
                    fwo.entities().toString());
        }
    }

    @Test
    void aCopyPublishedAfterARestartJoinsTheStoryOfItsOriginal() throws Exception {
        String wire = "KARACHI: The first consignment of antimony, copper concentrate and rare earth oxides left the port "
                + "on Thursday for the United States under the memorandum signed last month by the Frontier Works "
                + "Organisation and US Strategic Metals, officials said. The shipment of about two tonnes is a sample "
                + "batch meant to test processing at the company's Missouri plant before larger volumes follow next "
                + "year, according to two people familiar with the plan who spoke on condition of anonymity.";
        Article original = article("https://one.example/shipment", "Shipment leaves", wire);
        Article copy = article("https://two.example/first-minerals-cargo", "First minerals cargo sails",
                "By our correspondent. " + wire + " Copyright Two Example News.");

        publish(original);
        try (AnalyzeService service = newService()) {
            service.start();
            assertEquals(1, readTagged(1).size());
        }
        publish(copy);
        try (AnalyzeService restarted = newService()) {
            restarted.start();
            TaggedArticle tagged = readTagged(2).stream().filter(t -> t.id().equals(copy.id())).findFirst().orElseThrow();

            assertEquals(original.id(), tagged.storyId());
            assertEquals(false, tagged.firstInStory());
        }
    }

    private AnalyzeService newService() {
        return new AnalyzeService(new ArticleAnalyzer(WatchlistLoader.bundled(), Clock.systemUTC()),
                StoryClusterer.Settings.DEFAULT, kafka.bootstrapServers(), "test");
    }

    private void publish(Article article) throws Exception {
        try (var producer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), "test"),
                new StringSerializer(), JsonSerde.<Article>serializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(), article)).get();
        }
    }

    private static Article article(String url, String title) {
        return article(url, title, "Body.");
    }

    private static Article article(String url, String title, String body) {
        return new Article(Article.SCHEMA, ArticleId.of(url), url, "https://example.com/feed", "example.com", title, null,
                body, Instant.parse("2025-10-02T00:00:00Z"), "feed", Instant.now(), "en", 1, ArticleId.sha256Hex(body));
    }

    private List<TaggedArticle> readTagged(int expected) {
        List<TaggedArticle> result = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(KafkaSettings.consumer(kafka.bootstrapServers(), "reader", null),
                new StringDeserializer(), JsonSerde.deserializer(TaggedArticle.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TAGGED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // Read a little past the expected count so a duplicate would be seen.
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> result.add(r.value()));
                if (result.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return result;
    }
}
