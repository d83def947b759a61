package dev.lodestone.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.FeedState;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.Topics;
import dev.lodestone.ingest.fetch.Politeness;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the web sends back at its worst, through the whole service on a real Kafka: each bad source ends as
 * a clear error in its own state on lodestone.feeds while a good feed on another host is ingested as usual.
 */
class HostileSourcesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CAP = 1024 * 1024;
    private static final Politeness QUICK = Politeness.DEFAULT.withHostDelay(Duration.ZERO).withRetries(3, Duration.ofMillis(20));

    @TempDir
    static Path kafkaDir;
    static EmbeddedKafka kafka;

    private LoopbackServer hostile;
    private LoopbackServer good;
    private final List<String> hostileRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start(kafkaDir, 0);
        try (Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "hostile-test"))) {
            Topics.ensureExist(admin, 1);
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @BeforeEach
    void startSites() throws IOException {
        hostile = new LoopbackServer("127.0.0.1");
        good = new LoopbackServer("127.0.0.2")
                .serveResource("/feed.xml", "application/rss+xml", "service/feed.xml")
                .serveResource("/news/mou", "text/html", "service/mou.html")
                .serveResource("/news/shipment", "text/html", "service/shipment.html");
    }

    @AfterEach
    void stopSites() {
        hostile.close();
        good.close();
    }

    @Test
    void aFiftyMegabytePageIsCutAtTheCapAndItsItemPublishedFromTheFeed() throws Exception {
        AtomicLong sent = new AtomicLong();
        hostile.serveResource("/feed.xml", "application/rss+xml", "service/feed.xml")
                .serveResource("/news/shipment", "text/html", "service/shipment.html")
                .handle("/news/mou", exchange -> {
                    exchange.getResponseHeaders().set("Content-Type", "text/html");
                    exchange.sendResponseHeaders(200, 0);
                    byte[] chunk = "<p>padding</p>".repeat(4096).getBytes();
                    try (OutputStream out = exchange.getResponseBody()) {
                        while (sent.get() < 50L * 1024 * 1024) {
                            out.write(chunk);
                            sent.addAndGet(chunk.length);
                        }
                    } catch (IOException clientHungUp) {
                        // ingest stops reading at its cap
                    }
                });

        Map<String, FeedState> states = ingestBesideTheGoodFeed(hostile.url("/feed.xml"));

        FeedState feed = states.get(hostile.url("/feed.xml").toString());
        assertNull(feed.lastError());
        assertEquals(2, feed.itemsSeen());
        Article mou = awaitArticle(hostile.url("/news/mou").toString());
        assertEquals("Feed title of the MoU story", mou.title());
        assertEquals("Feed summary of the MoU story.", mou.body());
        assertTrue(sent.get() < 50L * 1024 * 1024, "the server was stopped after " + sent.get() + " bytes");
    }

    @Test
    void aRobotsTxtDisallowingEverythingIsReportedAndNothingButItIsFetched() throws Exception {
        hostile.handle("/", exchange -> {
            hostileRequests.add(exchange.getRequestURI().getPath());
            LoopbackServer.respond(exchange, 200, "text/plain", "User-agent: *\nDisallow: /\n".getBytes());
        });

        FeedState feed = ingestBesideTheGoodFeed(hostile.url("/feed.xml")).get(hostile.url("/feed.xml").toString());

        assertEquals(hostile.url("/feed.xml") + ": disallowed by robots.txt", feed.lastError());
        assertEquals(1, feed.consecutiveFailures());
        assertEquals(List.of("/robots.txt"), hostileRequests);
    }

    @Test
    void feedsAnsweringClientAndServerErrorsAreReportedWithTheirStatus() throws Exception {
        hostile.handle("/gone.xml", exchange -> LoopbackServer.respond(exchange, 410, "text/html", "<p>Gone</p>".getBytes()))
                .handle("/broken.xml", exchange -> LoopbackServer.respond(exchange, 500, "text/html", "<p>Oops</p>".getBytes()));

        Map<String, FeedState> states = ingestBesideTheGoodFeed(hostile.url("/gone.xml"), hostile.url("/broken.xml"));

        FeedState gone = states.get(hostile.url("/gone.xml").toString());
        assertEquals(hostile.url("/gone.xml") + ": HTTP 410", gone.lastError());
        assertEquals(410, gone.httpStatus());
        FeedState broken = states.get(hostile.url("/broken.xml").toString());
        assertEquals(hostile.url("/broken.xml") + ": HTTP 500", broken.lastError());
        assertEquals(500, broken.httpStatus());
    }

    @Test
    void aRedirectLoopIsReported() throws Exception {
        hostile.handle("/feed.xml", exchange -> {
            exchange.getResponseHeaders().set("Location", "/feed.xml?again");
            LoopbackServer.respond(exchange, 302, "text/html", new byte[0]);
        });

        FeedState feed = ingestBesideTheGoodFeed(hostile.url("/feed.xml")).get(hostile.url("/feed.xml").toString());

        assertEquals(hostile.url("/feed.xml") + ": too many redirects", feed.lastError());
    }

    @Test
    void aServiceUnavailableFeedIsReportedAfterItsRetries() throws Exception {
        hostile.handle("/feed.xml", exchange -> {
            hostileRequests.add(exchange.getRequestURI().getPath());
            LoopbackServer.respond(exchange, 503, "text/html", "<p>Maintenance</p>".getBytes());
        });

        FeedState feed = ingestBesideTheGoodFeed(hostile.url("/feed.xml")).get(hostile.url("/feed.xml").toString());

        assertEquals(hostile.url("/feed.xml") + ": HTTP 503 (3 attempts)", feed.lastError());
        assertEquals(3, hostileRequests.size());
    }

    /**
     * Runs ingest on the hostile sources beside the good feed until each has reported, checks that the
     * good feed was ingested in full and promptly all the same, and returns each source's first state.
     */
    private Map<String, FeedState> ingestBesideTheGoodFeed(URI... hostileSources) throws Exception {
        List<URI> sources = new ArrayList<>(List.of(hostileSources));
        sources.add(good.url("/feed.xml"));
        IngestSettings settings = IngestSettings.defaults(sources)
                .withAllowLoopback(true)
                .withPoliteness(QUICK)
                .withMaxBodyBytes(CAP)
                .withPollInterval(Duration.ofMinutes(10));
        long start = System.nanoTime();
        try (IngestService ingest = new IngestService(settings, kafka.bootstrapServers())) {
            ingest.start();
            Map<String, FeedState> states = read(Topics.FEEDS, FeedState.class,
                    found -> sources.stream().allMatch(source -> found.containsKey(source.toString())));
            FeedState goodState = states.get(good.url("/feed.xml").toString());
            assertNull(goodState.lastError());
            assertEquals(2, goodState.itemsSeen());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
            awaitArticle(good.url("/news/mou").toString());
            awaitArticle(good.url("/news/shipment").toString());
            return states;
        }
    }

    private static Article awaitArticle(String url) {
        String id = ArticleId.of(url);
        return read(Topics.ARTICLES, Article.class, found -> found.containsKey(id)).get(id);
    }

    /**
     * Reads the topic from the start until {@code done} holds for the first value seen per key, skipping the
     * feed registry's entries for sources not yet polled.
     */
    private static <T> Map<String, T> read(String topic, Class<T> type, Predicate<Map<String, T>> done) {
        Map<String, T> first = new HashMap<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(
                KafkaSettings.consumer(kafka.bootstrapServers(), "hostile-test", null),
                new StringDeserializer(), JsonSerde.deserializer(type))) {
            consumer.assign(consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList());
            consumer.seekToBeginning(consumer.assignment());
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!done.test(first)) {
                assertTrue(System.nanoTime() < deadline, () -> "timed out reading " + topic + ", got " + first.keySet());
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!(record.value() instanceof FeedState state && state.lastAttempt() == null)) {
                        first.putIfAbsent(record.key(), record.value());
                    }
                }
            }
        }
        return first;
    }
}
