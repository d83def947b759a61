package dev.lodestone.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.FeedState;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.Topics;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path on real things: an HTTP server on loopback, the service, and a Kafka broker. */
class IngestServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path kafkaDir;
    static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start(kafkaDir, 0);
        try (Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "ingest-test"))) {
            Topics.ensureExist(admin, 3);
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void aFeedsNewArticlesAndHealthArePublishedWhileADeadFeedIsReportedAsFailing() throws Exception {
        URI deadFeed = URI.create("http://127.0.0.1:" + freePort() + "/feed.xml");
        try (LoopbackServer site = new LoopbackServer()
                .serveResource("/feed.xml", "application/rss+xml", "service/feed.xml")
                .serveResource("/news/mou", "text/html; charset=utf-8", "service/mou.html")
                .serveResource("/news/shipment", "text/html", "service/shipment.html")) {
            URI goodFeed = site.url("/feed.xml");
            IngestSettings settings = IngestSettings.defaults(List.of(deadFeed, goodFeed))
                    .withAllowLoopback(true)
                    .withPollInterval(Duration.ofMinutes(10));

            try (IngestService ingest = new IngestService(settings, kafka.bootstrapServers())) {
                ingest.start();

                Map<String, Article> articles = read(Topics.ARTICLES, Article.class, found -> found.size() == 2);
                Map<String, FeedState> feeds = read(Topics.FEEDS, FeedState.class, found -> found.size() == 2);

                String mouUrl = site.url("/news/mou").toString();
                Article mou = articles.get(ArticleId.of(mouUrl));
                assertNotNull(mou, "MoU article keyed by the id of its canonical URL, without utm_source");
                assertEquals(mouUrl, mou.url());
                assertEquals("FWO and USSM sign $500m minerals MoU", mou.title());
                assertEquals("The Frontier Works Organisation and US Strategic Metals signed a $500 million "
                        + "memorandum of understanding.\n\nThe deal covers antimony, copper and rare earths.", mou.body());
                assertEquals("meta", mou.dateSource());
                assertEquals(1, mou.revision());

                Article shipment = articles.get(ArticleId.of(site.url("/news/shipment").toString()));
                assertEquals("First minerals shipment leaves Karachi", shipment.title());
                assertEquals("The first shipment of critical minerals left Karachi for the United States."
                        + "\n\nIt carried neodymium and praseodymium.", shipment.body());

                FeedState good = feeds.get(goodFeed.toString());
                assertEquals(0, good.consecutiveFailures());
                assertEquals(200, good.httpStatus());
                assertEquals(2, good.itemsSeen());
                assertNotNull(good.lastSuccess());
                assertNull(good.lastError());

                FeedState dead = feeds.get(deadFeed.toString());
                assertEquals(1, dead.consecutiveFailures());
                assertNull(dead.lastSuccess());
                assertTrue(dead.lastError().startsWith(deadFeed + ": could not connect"), dead.lastError());
                assertTrue(dead.nextPoll().isAfter(dead.lastAttempt()));
            }
        }
    }

    /** Reads the topic from the start until the latest value per key satisfies {@code done}. */
    private static <T> Map<String, T> read(String topic, Class<T> type, Predicate<Map<String, T>> done) {
        Map<String, T> latest = new HashMap<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(
                KafkaSettings.consumer(kafka.bootstrapServers(), "ingest-test", "ingest-test-" + topic),
                new StringDeserializer(), JsonSerde.deserializer(type))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!done.test(latest)) {
                assertTrue(System.nanoTime() < deadline, () -> "timed out reading " + topic + ", got " + latest.keySet());
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
