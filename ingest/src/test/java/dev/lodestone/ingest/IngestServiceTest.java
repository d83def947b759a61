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
import dev.lodestone.ingest.fetch.Politeness;
import dev.lodestone.ingest.registry.FeedRegistry;
import dev.lodestone.ingest.registry.FeedSource;
import dev.lodestone.ingest.registry.TopicSnapshot;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path on real things: an HTTP server on loopback, the service, and a Kafka broker. */
class IngestServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Polite in every way but time: no pause between requests, retries 20 ms apart. */
    private static final Politeness QUICK = Politeness.DEFAULT.withHostDelay(Duration.ZERO).withRetries(3, Duration.ofMillis(20));

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
                    .withAllowLoopback(true).withPoliteness(QUICK)
                    .withPollInterval(Duration.ofMinutes(10));

            try (IngestService ingest = new IngestService(settings, kafka.bootstrapServers())) {
                ingest.start();

                String mouUrl = site.url("/news/mou").toString();
                String shipmentUrl = site.url("/news/shipment").toString();
                Map<String, Article> articles = read(Topics.ARTICLES, Article.class,
                        found -> found.containsKey(ArticleId.of(mouUrl)) && found.containsKey(ArticleId.of(shipmentUrl)));
                Map<String, FeedState> feeds = awaitPolled(deadFeed, goodFeed);

                Article mou = articles.get(ArticleId.of(mouUrl));
                assertNotNull(mou, "MoU article keyed by the id of its canonical URL, without utm_source");
                assertEquals(mouUrl, mou.url());
                assertEquals("FWO and USSM sign $500m minerals MoU", mou.title());
                assertEquals("The Frontier Works Organisation and US Strategic Metals signed a $500 million "
                        + "memorandum of understanding.\n\nThe deal covers antimony, copper and rare earths.", mou.body());
                assertEquals("meta", mou.dateSource());
                assertEquals(1, mou.revision());

                Article shipment = articles.get(ArticleId.of(shipmentUrl));
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
                assertEquals(deadFeed + ": robots.txt unavailable, could not connect (3 attempts)", dead.lastError());
                assertTrue(dead.nextPoll().isAfter(dead.lastAttempt()));
            }
        }
    }

    @Test
    void aRestartedServiceNeitherRefetchesNorRepublishesWhatItAlreadyIngested() throws Exception {
        AtomicInteger pageFetches = new AtomicInteger();
        try (LoopbackServer site = new LoopbackServer().serveResource("/feed.xml", "application/rss+xml", "service/feed.xml")) {
            String page = LoopbackServer.resource("service/mou.html");
            site.handle("/news/", exchange -> {
                pageFetches.incrementAndGet();
                LoopbackServer.respond(exchange, 200, "text/html", page.getBytes(StandardCharsets.UTF_8));
            });
            IngestSettings settings = IngestSettings.defaults(List.of(site.url("/feed.xml"))).withAllowLoopback(true).withPoliteness(QUICK)
                    .withPollInterval(Duration.ofMillis(200)).withMaxPollInterval(Duration.ofMillis(200));
            try (IngestService first = new IngestService(settings, kafka.bootstrapServers())) {
                first.start();
                awaitPolled(site.url("/feed.xml"));
            }
            int fetchedBefore = pageFetches.get();
            long recordsBefore = countRecords(Topics.ARTICLES);
            int statesBefore = countStates(site.url("/feed.xml").toString());

            try (IngestService second = new IngestService(settings, kafka.bootstrapServers())) {
                second.start();
                awaitStates(site.url("/feed.xml").toString(), statesBefore + 1);
            }

            assertEquals(2, fetchedBefore);
            assertEquals(fetchedBefore, pageFetches.get(), "no page fetched again");
            assertEquals(recordsBefore, countRecords(Topics.ARTICLES), "no article published again");
        }
    }

    @Test
    void aRestartedServiceCountsADeadFeedsFailuresOnFromWhereItsLastStateLeftThem() throws Exception {
        URI deadFeed = URI.create("http://127.0.0.1:" + freePort() + "/feed.xml");
        IngestSettings settings = IngestSettings.defaults(List.of(deadFeed)).withAllowLoopback(true).withPoliteness(QUICK)
                .withPollInterval(Duration.ofMillis(200)).withMaxPollInterval(Duration.ofMillis(200));
        try (IngestService first = new IngestService(settings, kafka.bootstrapServers())) {
            first.start();
            read(Topics.FEEDS, FeedState.class, found -> failures(found, deadFeed) >= 2);
        }
        FeedState beforeRestart = FeedRegistry.read(kafka.bootstrapServers()).stream()
                .filter(state -> state.url().equals(deadFeed.toString())).findFirst().orElseThrow();

        try (IngestService second = new IngestService(settings, kafka.bootstrapServers())) {
            second.start();
            FeedState afterRestart = read(Topics.FEEDS, FeedState.class, found -> found.get(deadFeed.toString()) != null
                    && found.get(deadFeed.toString()).lastAttempt().isAfter(beforeRestart.lastAttempt())).get(deadFeed.toString());

            assertEquals(beforeRestart.consecutiveFailures() + 1, afterRestart.consecutiveFailures());
        }
    }

    private static int failures(Map<String, FeedState> states, URI feed) {
        FeedState state = states.get(feed.toString());
        return state == null ? 0 : state.consecutiveFailures();
    }

    @Test
    void aFeedThatSendsOneBytePerSecondDoesNotDelayAFastFeedOnAnotherHost() throws Exception {
        try (LoopbackServer slow = new LoopbackServer("127.0.0.1"); LoopbackServer fast = new LoopbackServer("127.0.0.2")) {
            slow.handle("/feed.xml", exchange -> {
                exchange.sendResponseHeaders(200, 0);
                try {
                    for (int i = 0; i < 30; i++) {
                        exchange.getResponseBody().write('<');
                        exchange.getResponseBody().flush();
                        Thread.sleep(1000);
                    }
                } catch (InterruptedException | java.io.IOException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
            fast.serveResource("/feed.xml", "application/rss+xml", "service/feed.xml")
                    .serveResource("/news/mou", "text/html", "service/mou.html")
                    .serveResource("/news/shipment", "text/html", "service/shipment.html");
            IngestSettings settings = IngestSettings.defaults(List.of(slow.url("/feed.xml"), fast.url("/feed.xml")))
                    .withAllowLoopback(true).withPoliteness(QUICK)
                    .withRequestTimeout(Duration.ofSeconds(3));

            long start = System.nanoTime();
            try (IngestService ingest = new IngestService(settings, kafka.bootstrapServers())) {
                ingest.start();
                awaitPolled(fast.url("/feed.xml"));
                Duration fastTook = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(fastTook.compareTo(Duration.ofSeconds(3)) < 0, "fast feed took " + fastTook);

                FeedState slowState = awaitPolled(slow.url("/feed.xml")).get(slow.url("/feed.xml").toString());
                assertEquals(slow.url("/feed.xml") + ": timed out after 3000 ms", slowState.lastError());
            }
        }
    }

    @Test
    void sitemapsAndSectionPagesArePolledLikeFeedsAndReportedByType() throws Exception {
        String anHourAgo = Instant.now().minus(Duration.ofHours(1)).toString();
        try (LoopbackServer site = new LoopbackServer()) {
            site.serve("/news-sitemap.xml", "application/xml", LoopbackServer.resource("sitemap/news.xml")
                            .replace("2025-10-03T09:00:00Z", anHourAgo).replace("2025-10-04T05:00:00+05:00", anHourAgo)
                            .replace("BASE_URL", site.url("").toString()).getBytes(StandardCharsets.UTF_8))
                    .serve("/business/", "text/html", LoopbackServer.resource("section/local.html").replace("LATER_LINKS", "")
                            .getBytes(StandardCharsets.UTF_8))
                    .serveResource("/news/", "text/html", "service/shipment.html")
                    .serveResource("/2025/", "text/html", "service/mou.html");
            URI sitemap = site.url("/news-sitemap.xml");
            URI section = site.url("/business/");
            IngestSettings settings = IngestSettings.defaults(List.of())
                    .withSources(List.of(new FeedSource(sitemap, "Local Wire news", null, "", FeedSource.Type.SITEMAP),
                            new FeedSource(section, "", null, "", FeedSource.Type.SECTION)))
                    .withAllowLoopback(true).withPoliteness(QUICK);

            try (IngestService ingest = new IngestService(settings, kafka.bootstrapServers())) {
                ingest.start();
                Map<String, FeedState> feeds = awaitPolled(sitemap, section);

                assertEquals(FeedState.SITEMAP, feeds.get(sitemap.toString()).type());
                assertEquals("Local Wire news", feeds.get(sitemap.toString()).title());
                assertEquals(2, feeds.get(sitemap.toString()).itemsSeen());
                assertEquals(FeedState.SECTION, feeds.get(section.toString()).type());
                assertEquals(2, feeds.get(section.toString()).itemsSeen());
                Map<String, Article> articles = read(Topics.ARTICLES, Article.class,
                        found -> found.containsKey(ArticleId.of(site.url("/news/1943999").toString())));
                assertEquals("First minerals shipment leaves Karachi",
                        articles.get(ArticleId.of(site.url("/news/1943999").toString())).title());
            }
        }
    }

    @AfterEach
    void emptyTheRegistry() {
        try (KafkaProducer<String, FeedState> producer = new KafkaProducer<>(
                KafkaSettings.producer(kafka.bootstrapServers(), "ingest-test"), new StringSerializer(), JsonSerde.serializer())) {
            FeedRegistry.read(kafka.bootstrapServers())
                    .forEach(state -> producer.send(new ProducerRecord<>(Topics.FEEDS, state.url(), null)));
        }
    }

    /** The latest state of every source, once each of these was polled (not merely added to the registry). */
    private static Map<String, FeedState> awaitPolled(URI... sources) {
        return read(Topics.FEEDS, FeedState.class, found -> Arrays.stream(sources)
                .allMatch(source -> found.get(source.toString()) != null && found.get(source.toString()).lastAttempt() != null));
    }

    private static void awaitStates(String feedUrl, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (countStates(feedUrl) < count) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + count + " states of " + feedUrl);
        }
    }

    private static int countStates(String feedUrl) {
        int[] seen = {0};
        TopicSnapshot.read(kafka.bootstrapServers(), Topics.FEEDS, FeedState.class, (url, state) -> {
            if (url.equals(feedUrl)) {
                seen[0]++;
            }
        });
        return seen[0];
    }

    private static long countRecords(String topic) {
        long[] count = {0};
        TopicSnapshot.read(kafka.bootstrapServers(), topic, Object.class, (key, value) -> count[0]++);
        return count[0];
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
