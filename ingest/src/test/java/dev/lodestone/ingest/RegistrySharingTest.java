package dev.lodestone.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.ArticleId;
import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.FeedState;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.Topics;
import dev.lodestone.ingest.registry.FeedSource;
import dev.lodestone.ingest.registry.TopicSnapshot;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest instances sharing the feed registry, on a real broker and a real HTTP site whose six feeds each
 * publish one article per {@link Newswire#release()}: every article is fetched and published once, whichever
 * instance polls its feed, and however the feeds move between instances.
 */
class RegistrySharingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PARTITIONS = 3;
    private static final int FEEDS = 6;

    @TempDir
    Path kafkaDir;
    EmbeddedKafka kafka;
    Newswire site;

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafka.start(kafkaDir, 0);
        try (Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "sharing-test"))) {
            Topics.ensureExist(admin, PARTITIONS);
        }
        site = new Newswire();
    }

    @AfterEach
    void stop() {
        site.close();
        kafka.close();
    }

    @Test
    void twoInstancesSplitTheFeedsAndPublishEveryArticleOnce() throws Exception {
        try (IngestService first = new IngestService(settings(site.feeds()), kafka.bootstrapServers());
             IngestService second = new IngestService(settings(site.feeds()), kafka.bootstrapServers())) {
            first.start();
            second.start();
            awaitSplit(first, second);

            site.release();
            site.release();
            awaitPublished(site.released());

            assertEveryArticleFetchedAndPublishedOnce();
            assertTrue(!first.polledSources().isEmpty() && !second.polledSources().isEmpty(),
                    "each instance polls a share: " + first.polledSources() + " / " + second.polledSources());
        }
    }

    @Test
    void closingAnInstanceMovesItsFeedsToTheOtherAndNothingIsLostOrPublishedTwice() throws Exception {
        try (IngestService survivor = new IngestService(settings(site.feeds()), kafka.bootstrapServers())) {
            survivor.start();
            try (IngestService leaving = new IngestService(settings(site.feeds()), kafka.bootstrapServers())) {
                leaving.start();
                awaitSplit(survivor, leaving);
                site.release();
                awaitPublished(site.released());
            }
            await(() -> survivor.polledSources().size() == FEEDS, () -> "survivor polls " + survivor.polledSources());

            site.release();
            awaitPublished(site.released());

            assertEquals(2 * FEEDS, site.released().size());
            assertEveryArticleFetchedAndPublishedOnce();
        }
    }

    @Test
    void aSourceAddedToTheRegistryIsPolledAtOnceAndARemovedOneNoMore() throws Exception {
        URI configured = site.feeds().get(0).url();
        FeedSource imported = site.feeds().get(1);
        try (IngestService ingest = new IngestService(settings(List.of(site.feeds().get(0))), kafka.bootstrapServers());
             KafkaProducer<String, FeedState> registry = new KafkaProducer<>(
                     KafkaSettings.producer(kafka.bootstrapServers(), "sharing-test"), new StringSerializer(), JsonSerde.serializer())) {
            ingest.start();
            site.release();
            registry.send(new ProducerRecord<>(Topics.FEEDS, imported.url().toString(), imported.unpolled()));
            awaitPublished(List.of(site.articleUrl(1, 1), site.articleUrl(2, 1)));

            registry.send(new ProducerRecord<>(Topics.FEEDS, imported.url().toString(), null));
            await(() -> !ingest.polledSources().contains(imported.url().toString()), () -> "still polling " + imported.url());
            int importedPolls = site.requests(imported.url().getPath());
            site.release();
            awaitPublished(List.of(site.articleUrl(1, 2)));

            assertEquals(Set.of(configured.toString()), ingest.polledSources());
            assertEquals(importedPolls, site.requests(imported.url().getPath()), "the removed feed is not fetched");
            assertEquals(0, site.requests(URI.create(site.articleUrl(2, 2)).getPath()));
        }
    }

    private IngestSettings settings(List<FeedSource> sources) {
        return IngestSettings.defaults(List.of()).withSources(sources)
                .withAllowLoopback(true)
                .withHostDelay(Duration.ZERO)
                .withPollInterval(Duration.ofMillis(200))
                .withMaxPollInterval(Duration.ofMillis(200));
    }

    /** Waits until the instances poll every feed between them, each its own. */
    private static void awaitSplit(IngestService one, IngestService other) {
        await(() -> {
            Set<String> union = new HashSet<>(one.polledSources());
            union.addAll(other.polledSources());
            return !one.polledSources().isEmpty() && !other.polledSources().isEmpty() && union.size() == FEEDS
                    && one.polledSources().size() + other.polledSources().size() == FEEDS;
        }, () -> "feeds polled: " + one.polledSources() + " / " + other.polledSources());
    }

    private void awaitPublished(List<String> urls) {
        await(() -> publishedCounts().keySet().containsAll(urls.stream().map(ArticleId::of).toList()),
                () -> "published " + publishedCounts().size() + " of " + urls.size());
    }

    private void assertEveryArticleFetchedAndPublishedOnce() {
        Map<String, Integer> published = publishedCounts();
        for (String url : site.released()) {
            assertEquals(1, site.requests(URI.create(url).getPath()), "fetches of " + url);
            assertEquals(1, published.get(ArticleId.of(url)), "records of " + url);
        }
        assertEquals(site.released().size(), published.size());
    }

    /** How many records each article id has on the articles topic. */
    private Map<String, Integer> publishedCounts() {
        Map<String, Integer> counts = new HashMap<>();
        TopicSnapshot.read(kafka.bootstrapServers(), Topics.ARTICLES, Object.class, (id, article) -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> state) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() > deadline, () -> "timed out; " + state.get());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Six RSS feeds on loopback, two per partition of the registry so that every instance gets some, each
     * listing the articles released so far ({@code /news/{feed}-{n}}); counts the requests per path.
     */
    private static final class Newswire implements AutoCloseable {
        private final LoopbackServer server;
        private final List<FeedSource> feeds = new ArrayList<>();
        private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
        private volatile int releases;

        Newswire() throws Exception {
            server = new LoopbackServer();
            server.handle("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                requests.computeIfAbsent(path, any -> new AtomicInteger()).incrementAndGet();
                if (path.startsWith("/feeds/")) {
                    int feed = Integer.parseInt(path.replaceAll("\\D", ""));
                    LoopbackServer.respond(exchange, 200, "application/rss+xml", rss(feed).getBytes(StandardCharsets.UTF_8));
                } else if (path.startsWith("/news/")) {
                    LoopbackServer.respond(exchange, 200, "text/html", LoopbackServer.resource("service/mou.html")
                            .replace("FWO and USSM sign $500m minerals MoU", path).getBytes(StandardCharsets.UTF_8));
                } else {
                    LoopbackServer.respond(exchange, 404, "text/plain", new byte[0]);
                }
            });
            int[] perPartition = new int[PARTITIONS];
            for (int n = 1; feeds.size() < FEEDS; n++) {
                URI url = server.url("/feeds/" + n + ".xml");
                int partition = Utils.toPositive(Utils.murmur2(url.toString().getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
                if (perPartition[partition] < FEEDS / PARTITIONS) {
                    perPartition[partition]++;
                    feeds.add(FeedSource.feed(url));
                }
            }
        }

        List<FeedSource> feeds() {
            return feeds;
        }

        /** Publishes one more article on every feed. */
        void release() {
            releases++;
        }

        List<String> released() {
            List<String> urls = new ArrayList<>();
            for (int feed = 1; feed <= FEEDS; feed++) {
                for (int n = 1; n <= releases; n++) {
                    urls.add(articleUrl(feed, n));
                }
            }
            return urls;
        }

        /** The n-th article of the feed-th feed (both from 1). */
        String articleUrl(int feed, int n) {
            return server.url("/news/" + feedNumber(feed - 1) + "-" + n).toString();
        }

        int requests(String path) {
            AtomicInteger count = requests.get(path);
            return count == null ? 0 : count.get();
        }

        private int feedNumber(int index) {
            return Integer.parseInt(feeds.get(index).url().getPath().replaceAll("\\D", ""));
        }

        private String rss(int feedNumber) {
            StringBuilder items = new StringBuilder();
            for (int n = 1; n <= releases; n++) {
                String link = server.url("/news/" + feedNumber + "-" + n).toString();
                items.append("<item><title>Story ").append(n).append("</title><link>").append(link).append("</link></item>");
            }
            return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + feedNumber
                    + "</title><link>" + server.url("/") + "</link><description>test</description>" + items
                    + "</channel></rss>";
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
