package dev.lodestone.search.benchmark;

import com.sun.net.httpserver.HttpServer;
import dev.lodestone.core.AlertRule;
import dev.lodestone.core.Article;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import dev.lodestone.search.SearchService;
import dev.lodestone.search.alert.AlertService;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Latency from a tagged article reaching the search service (the moment it is produced to
 * {@code lodestone.tagged}) to its alert delivered to a webhook, through the whole running service: matching,
 * deciding, and delivery, each over a real embedded broker, with the shipped rules active too. Articles are
 * produced at a steady rate, each its own story, so each gives one webhook call.
 * Run it with {@code lodestone bench alert-latency [--articles N] [--rate R]}.
 * Arguments of {@link #main}: articles (default 10,000), articles per second (default 200). Before them, 500 articles warm up
 * every consumer group and the JIT, and are waited for; they are not counted.
 */
public final class AlertLatencyBenchmark {
    private static final int WARM_UP = 500;
    private static final Duration DRAIN = Duration.ofSeconds(120);

    /** The measured latencies, in milliseconds, of the articles that were counted. */
    public record Result(int articles, int perSecond, int delivered, double seconds, long[] millis) {
        long percentile(double p) {
            return millis.length == 0 ? -1 : millis[Math.min(millis.length - 1, (int) Math.ceil(p * millis.length) - 1)];
        }
    }

    private AlertLatencyBenchmark() {}

    /** Produces articles {@code from} to {@code to}, each its own story, at {@code perSecond}. */
    private static void produce(KafkaProducer<String, TaggedArticle> producer, int from, int to, int perSecond,
                                Map<String, Long> sent) {
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = from; i < to; i++) {
            LockSupport.parkNanos(start + (i - from) * intervalNanos - System.nanoTime());
            TaggedArticle article = cargo(i);
            sent.put(article.storyId(), System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.TAGGED, article.id(), article));
        }
        producer.flush();
    }

    /** Article {@code i}: a story of its own about a neodymium cargo, published now. */
    private static TaggedArticle cargo(int i) {
        String url = "https://bench.example/" + i;
        String body = "Cargo " + i + " of neodymium left Karachi.";
        Instant now = Instant.now();
        Article article = new Article(Article.SCHEMA, ArticleId.of(url), url, "https://bench.example/feed",
                "bench.example", "Neodymium cargo " + i, null, body, now, "json-ld", now, "en", 1,
                ArticleId.sha256Hex(body));
        return new TaggedArticle(TaggedArticle.SCHEMA, article, List.of("pakistan"), Map.of("pakistan", "country"),
                List.of(), List.of(), 0.9, true, List.of(), "story-" + article.id().substring(0, 12), true, now);
    }

    private static void drain(Map<String, Long> arrived, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (arrived.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("lodestone-alert-latency");
        Result result = run(dir, articles, perSecond);
        System.out.printf("%n%-34s %10s%n", "article produced -> webhook", "");
        System.out.printf("%-34s %10d%n", "articles (after " + WARM_UP + " to warm up)", result.millis().length);
        System.out.printf("%-34s %10d%n", "load, articles per second", result.perSecond());
        System.out.printf("%-34s %10d%n", "delivered", result.delivered());
        System.out.printf("%-34s %10.1f%n", "seconds producing and draining", result.seconds());
        System.out.printf("%-34s %10d%n", "p50 ms", result.percentile(0.50));
        System.out.printf("%-34s %10d%n", "p90 ms", result.percentile(0.90));
        System.out.printf("%-34s %10d%n", "p99 ms (target <= 500)", result.percentile(0.99));
        System.out.printf("%-34s %10d%n", "max ms", result.percentile(1.0));
    }

    private static EmbeddedKafka startBroker(Path dir) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);
        try (Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "alert-latency-admin"))) {
            Topics.ensureExist(admin, 3);
        }
        return kafka;
    }

    public static Result run(Path dir, int articles, int perSecond) throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            exchange.getRequestBody().readAllBytes();
            arrived.putIfAbsent(key.substring(key.indexOf(':') + 1, key.lastIndexOf('/')), now);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try (EmbeddedKafka broker = startBroker(dir.resolve("kafka"));
                SearchService service = new SearchService(dir.resolve("index"), broker.bootstrapServers(),
                        "127.0.0.1", 0, null, "latency", AlertService.Settings.defaults());
                KafkaProducer<String, TaggedArticle> producer = new KafkaProducer<>(
                        KafkaSettings.producer(broker.bootstrapServers(), "latency-benchmark"),
                        new StringSerializer(), JsonSerde.serializer())) {
            service.start();
            service.alerts().save(new AlertRule(AlertRule.SCHEMA, "latency", "Latency", "neodymium", Map.of(),
                    AlertRule.REALTIME, 0, false, List.of(new AlertRule.DeliveryTarget("webhook", url, "secret")),
                    List.of(), Instant.now(), Instant.now()));
            produce(producer, 0, WARM_UP, perSecond, sent);
            drain(arrived, WARM_UP);
            sent.clear();
            arrived.clear();
            long start = System.nanoTime();
            produce(producer, WARM_UP, WARM_UP + articles, perSecond, sent);
            drain(arrived, articles);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] millis = sent.entrySet().stream()
                    .filter(e -> arrived.containsKey(e.getKey()))
                    .mapToLong(e -> (arrived.get(e.getKey()) - e.getValue()) / 1_000_000)
                    .sorted()
                    .toArray();
            return new Result(articles, perSecond, arrived.size(), seconds, millis);
        } finally {
            receiver.stop(0);
        }
    }
}
