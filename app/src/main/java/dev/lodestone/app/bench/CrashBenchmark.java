package dev.lodestone.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.Json;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.ingest.url.UrlCanonicalizer;
import dev.lodestone.newswire.DemoNewswire;
import dev.lodestone.newswire.SampleArticle;
import dev.lodestone.newswire.SampleArticles;
import dev.lodestone.search.index.ArticleSchema;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * Crash safety, measured: the pipeline (or its Kafka broker) is killed with SIGKILL at random moments while
 * articles are being published, restarted on the same data folder each time, and at the end the index and a
 * webhook receiver are counted against what was published: every article indexed exactly once, every alert
 * delivered exactly once.
 *
 * <p>The benchmark's own process keeps what must outlive the crashes: the newswire the pipeline polls and the
 * webhook receiver alerts go to. The pipeline is {@code lodestone run} in a child JVM, with its embedded broker
 * inside it, so a kill takes the broker down mid-write too. With {@link Victim#BROKER} the broker is a child of
 * its own ({@code lodestone broker}) and only it is killed, while the pipeline's producers and consumers ride
 * out each outage.
 *
 * <p>Each article is a story of its own ({@link DistinctStories}), and two rules with a webhook target match
 * every article and every third, so the alerts owed are known from the content: one per (rule, matching article).
 * An alert counts as delivered once per {@code Idempotency-Key}: {@code WebhookDelivery} may POST the alert it
 * was sending when it died a second time with the same key, which a receiver that honours the key ignores; those
 * re-sends are counted apart. A duplicate is the same (rule, article) alerted under two keys, which no receiver
 * can tell from two alerts.
 */
public final class CrashBenchmark {
    private static final String EVERY_RULE = "crash-every";
    private static final String EVERY_THIRD_RULE = "crash-every-third";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration QUIET_BEFORE_COUNTING = Duration.ofSeconds(3);
    private static final Duration GIVE_UP_WITHOUT_PROGRESS = Duration.ofSeconds(60);
    /**
     * Roughly how long one cycle lasts beyond its random up-time: a JVM, a broker and the services starting, and
     * the consumer groups waiting out the session of the members that died.
     */
    private static final Duration RESTART_ESTIMATE = Duration.ofSeconds(15);
    private static final Duration INDEXING_TIMEOUT = Duration.ofSeconds(30);

    /** What is killed. */
    public enum Victim {
        /** {@code lodestone run} with its embedded broker: every service and the broker die together. */
        PIPELINE,
        /** A broker in a process of its own; the pipeline keeps running against it. */
        BROKER
    }

    /**
     * @param cycles    how many times the victim is killed and restarted
     * @param maxUptime the longest the victim runs, once the pipeline indexes again, before it is killed; each
     *                  up-time is drawn uniformly from zero to it
     * @param seed      makes the content and the kill moments repeatable
     */
    public record Settings(int cycles, int articles, Victim victim, Duration maxUptime, long seed) {
        public Settings {
            if (cycles < 0 || articles < 1) {
                throw new IllegalArgumentException("cycles must be at least 0 and articles at least 1");
            }
        }
    }

    /**
     * The index against what was published.
     *
     * @param indexed    documents in the index at the end
     * @param lost       published articles the index does not hold
     * @param duplicated documents beyond one per published article
     */
    public record Articles(int published, int indexed, int lost, int duplicated) {
        /** Counts {@code documents}, the index's documents per article id, against the ids published. */
        static Articles count(Set<String> published, Map<String, Integer> documents) {
            int indexed = documents.values().stream().mapToInt(Integer::intValue).sum();
            int found = (int) published.stream().filter(documents::containsKey).count();
            return new Articles(published.size(), indexed, published.size() - found, indexed - found);
        }
    }

    /**
     * The webhook receiver's POSTs against the alerts owed.
     *
     * @param delivered  owed alerts delivered at least once
     * @param duplicated owed alerts delivered under more than one idempotency key, once per extra key
     * @param unexpected alerts nobody owed: another kind than {@code new}, or for an article the rule does not
     *                   match
     * @param resent     POSTs repeating an idempotency key already received, harmless to a receiver that
     *                   honours the key
     */
    public record Alerts(int expected, int delivered, int lost, int duplicated, int unexpected, int resent) {
        /** Counts {@code deliveries} against {@code owed}, each a rule id and an article id (see {@link #owed}). */
        static Alerts count(Set<String> owed, List<WebhookReceiver.Delivery> deliveries) {
            Map<String, Set<String>> keysByOwed = new HashMap<>();
            Map<String, Integer> postsByKey = new HashMap<>();
            Set<String> unexpected = new HashSet<>();
            for (WebhookReceiver.Delivery delivery : deliveries) {
                postsByKey.merge(delivery.idempotencyKey(), 1, Integer::sum);
                String alert = owed(delivery.ruleId(),
                        delivery.articleIds().isEmpty() ? "" : delivery.articleIds().get(0));
                if (delivery.kind().equals("new") && owed.contains(alert)) {
                    keysByOwed.computeIfAbsent(alert, a -> new HashSet<>()).add(delivery.idempotencyKey());
                } else {
                    unexpected.add(delivery.idempotencyKey());
                }
            }
            return new Alerts(owed.size(), keysByOwed.size(), owed.size() - keysByOwed.size(),
                    keysByOwed.values().stream().mapToInt(keys -> keys.size() - 1).sum(), unexpected.size(),
                    postsByKey.values().stream().mapToInt(posts -> posts - 1).sum());
        }

        /** The alert a rule owes for one story of one article, as {@link #count} expects it. */
        static String owed(String ruleId, String articleId) {
            return ruleId + " " + articleId;
        }
    }

    /**
     * @param restartMillis from each restart to ready, sorted
     * @param logs          the folder of the children's logs and data, deleted after a clean run
     */
    public record Result(Victim victim, int cycles, List<Long> restartMillis, Articles articles, Alerts alerts,
                         Path logs) {
        public Result {
            restartMillis = List.copyOf(restartMillis);
        }

        /** Nothing lost, nothing twice: the target. */
        public boolean clean() {
            return articles.lost() == 0 && articles.duplicated() == 0 && alerts.lost() == 0
                    && alerts.duplicated() == 0 && alerts.unexpected() == 0;
        }

        /** The result as a two-column table. */
        public String table() {
            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("killed", victim.name().toLowerCase(Locale.ROOT) + ", " + cycles + " times with SIGKILL");
            rows.put("restart to ready", String.format("p50 %,d ms, max %,d ms", percentile(0.5), percentile(1.0)));
            rows.put("articles published", String.format("%,d", articles.published()));
            rows.put("documents indexed", String.format("%,d", articles.indexed()));
            rows.put("lost", String.format("%,d", articles.lost()));
            rows.put("duplicated", String.format("%,d", articles.duplicated()));
            rows.put("alerts expected", String.format("%,d", alerts.expected()));
            rows.put("alerts delivered", String.format("%,d", alerts.delivered()));
            rows.put("alerts lost", String.format("%,d", alerts.lost()));
            rows.put("alerts duplicated", String.format("%,d", alerts.duplicated()));
            rows.put("alerts unexpected", String.format("%,d", alerts.unexpected()));
            rows.put("alerts re-sent, same key", String.format("%,d", alerts.resent()));
            rows.put("verdict", clean() ? "clean: nothing lost, nothing twice" : "NOT CLEAN; logs kept in " + logs);
            return rows.entrySet().stream().map(e -> String.format("%-26s %s", e.getKey(), e.getValue()))
                    .collect(Collectors.joining("\n"));
        }

        private long percentile(double p) {
            return restartMillis.isEmpty() ? 0
                    : restartMillis.get(Math.max(0, (int) Math.ceil(p * restartMillis.size()) - 1));
        }
    }

    private final Settings settings;
    private final PrintStream progress;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final int webPort;
    private final int opsPort;
    private final int kafkaPort;

    private CrashBenchmark(Settings settings, PrintStream progress, Path work) throws IOException {
        this.settings = settings;
        this.progress = progress;
        this.work = work;
        this.webPort = freePort();
        this.opsPort = freePort();
        this.kafkaPort = freePort();
    }

    public static Result run(Settings settings, PrintStream progress) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("lodestone-bench-crash");
        Result result = new CrashBenchmark(settings, progress, work).run();
        if (result.clean()) {
            deleteQuietly(work);
        }
        return result;
    }

    private Result run() throws IOException, InterruptedException {
        SampleArticles content = DistinctStories.generate(settings.articles(), settings.seed());
        Random random = new Random(settings.seed());
        Path data = work.resolve("data");
        try (DemoNewswire newswire = DemoNewswire.start(content, 0, Duration.ZERO, 0);
             WebhookReceiver receiver = WebhookReceiver.start();
             LodestoneProcess broker = new LodestoneProcess(List.of("broker", "--data", data.resolve("kafka").toString(),
                     "--port", String.valueOf(kafkaPort)), work.resolve("broker.log"));
             LodestoneProcess pipeline = new LodestoneProcess(pipelineArguments(newswire, data),
                     work.resolve("pipeline.log"))) {
            if (settings.victim() == Victim.BROKER) {
                broker.start();
                awaitBroker(broker);
            }
            pipeline.start();
            awaitPipeline(pipeline);
            createRule(EVERY_RULE, DistinctStories.EVERY, receiver.url());
            createRule(EVERY_THIRD_RULE, DistinctStories.EVERY_THIRD, receiver.url());

            Publisher publisher = new Publisher(newswire, publishingInterval());
            publisher.start();
            LodestoneProcess victim = settings.victim() == Victim.BROKER ? broker : pipeline;
            List<Long> restarts = new ArrayList<>();
            Progress cycles = new Progress("crashes", settings.cycles(), progress);
            for (int cycle = 1; cycle <= settings.cycles(); cycle++) {
                awaitIndexing();
                Thread.sleep((long) (random.nextDouble() * settings.maxUptime().toMillis()));
                victim.kill();
                long restart = System.nanoTime();
                victim.start();
                if (victim == broker) {
                    awaitBroker(broker);
                } else {
                    awaitPipeline(pipeline);
                }
                restarts.add((System.nanoTime() - restart) / 1_000_000);
                cycles.update(cycle);
            }
            cycles.done();
            publisher.finish();

            Set<String> articleIds = new HashSet<>();
            Set<String> expectedAlerts = new HashSet<>();
            for (int i = 0; i < content.articles().size(); i++) {
                String id = idOf(newswire, content.articles().get(i));
                articleIds.add(id);
                expectedAlerts.add(Alerts.owed(EVERY_RULE, id));
                if (DistinctStories.hasEveryThird(i)) {
                    expectedAlerts.add(Alerts.owed(EVERY_THIRD_RULE, id));
                }
            }
            settle(receiver, articleIds.size(), expectedAlerts);
            pipeline.stop(Duration.ofSeconds(60));
            broker.stop(Duration.ofSeconds(60));
            restarts.sort(Comparator.naturalOrder());
            Articles articles = Articles.count(articleIds, indexedDocuments(data.resolve("index")));
            Alerts alerts = Alerts.count(expectedAlerts, receiver.deliveries());
            return new Result(settings.victim(), settings.cycles(), restarts, articles, alerts, work);
        }
    }

    private List<String> pipelineArguments(DemoNewswire newswire, Path data) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("run", "--config", writeConfig(newswire.feedUrls()).toString(),
                "--data", data.toString(), "--port", String.valueOf(webPort), "--ops-port", String.valueOf(opsPort),
                "--instance-id", "crash-bench"));
        if (settings.victim() == Victim.BROKER) {
            arguments.addAll(List.of("--bootstrap-servers", "127.0.0.1:" + kafkaPort));
        } else {
            arguments.addAll(List.of("--kafka-port", String.valueOf(kafkaPort)));
        }
        return arguments;
    }

    /** The newswire's feeds polled every second, from loopback, with no pause between requests. */
    private Path writeConfig(List<URI> feeds) throws IOException {
        StringBuilder yaml = new StringBuilder("feeds:\n");
        feeds.forEach(feed -> yaml.append("  - ").append(feed).append('\n'));
        yaml.append("""
                minPollInterval: PT1S
                maxPollInterval: PT1S
                hostDelay: PT0S
                allowLoopback: true
                """);
        return Files.writeString(work.resolve("lodestone.yml"), yaml);
    }

    /** Spreads publishing over the crashes, so that articles are in flight at every kill. */
    private Duration publishingInterval() {
        long span = settings.cycles() * (settings.maxUptime().toMillis() / 2 + RESTART_ESTIMATE.toMillis());
        return Duration.ofMillis(Math.max(5, Math.min(2000, span / settings.articles())));
    }

    /**
     * Waits until the index grows, so that the kill lands while articles flow through every stage rather than
     * while the services are still joining their groups; gives up when nothing is left to index.
     */
    private void awaitIndexing() throws InterruptedException {
        long before = documents();
        long deadline = System.nanoTime() + INDEXING_TIMEOUT.toNanos();
        while (documents() <= before && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void awaitPipeline(LodestoneProcess pipeline) throws InterruptedException {
        URI health = URI.create("http://127.0.0.1:" + opsPort + "/health");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (status(health) != 200) {
            checkStillStarting(pipeline, deadline);
            Thread.sleep(100);
        }
    }

    /** Waits for the port to accept connections, then for the broker to answer: the admin client would log every refused connection. */
    private void awaitBroker(LodestoneProcess broker) throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!accepts(kafkaPort)) {
            checkStillStarting(broker, deadline);
            Thread.sleep(100);
        }
        var props = KafkaSettings.admin("127.0.0.1:" + kafkaPort, "crash-bench");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000);
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    checkStillStarting(broker, deadline);
                    Thread.sleep(100);
                }
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void checkStillStarting(LodestoneProcess process, long deadline) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the child process exited while starting; see " + process.log());
        }
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the child process was not ready within " + READY_TIMEOUT + "; see "
                    + process.log());
        }
    }

    private int status(URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private void createRule(String id, String query, URI webhook) throws IOException, InterruptedException {
        String rule = Json.toString(Map.of("id", id, "name", id, "query", query, "mode", "realtime", "maxPerHour", 0,
                "notifyUpdates", false, "targets", List.of(Map.of("type", "webhook", "url", webhook.toString()))));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/api/alert-rules"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(rule)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating alert rule " + id + " answered HTTP " + response.statusCode()
                    + ": " + response.body());
        }
    }

    /**
     * Waits until every article is searchable and every owed alert has arrived, then a little longer for
     * anything sent twice; gives up after a minute without progress, leaving the counts to say what is missing.
     */
    private void settle(WebhookReceiver receiver, int articles, Set<String> expectedAlerts) throws InterruptedException {
        Progress bar = new Progress("settling", articles + expectedAlerts.size(), progress);
        long lastChange = System.nanoTime();
        long lastSeen = -1;
        while (true) {
            long documents = documents();
            long alerts = Alerts.count(expectedAlerts, receiver.deliveries()).delivered();
            long seen = Math.min(documents, articles) + alerts;
            bar.update(seen);
            long now = System.nanoTime();
            if (seen != lastSeen) {
                lastSeen = seen;
                lastChange = now;
            }
            boolean complete = documents >= articles && alerts == expectedAlerts.size();
            if (complete && now - lastChange > QUIET_BEFORE_COUNTING.toNanos()
                    || now - lastChange > GIVE_UP_WITHOUT_PROGRESS.toNanos()) {
                bar.done();
                return;
            }
            Thread.sleep(250);
        }
    }

    /** Documents searchable now, by the search service's own count; 0 while it does not answer. */
    private long documents() throws InterruptedException {
        try {
            URI health = URI.create("http://127.0.0.1:" + webPort + "/health");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.MAPPER.readTree(response.body());
            return body.path("documents").asLong(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** How many documents the index holds under each article id, as committed on disk. */
    private static Map<String, Integer> indexedDocuments(Path index) throws IOException {
        Map<String, Integer> documents = new HashMap<>();
        try (FSDirectory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext context : reader.leaves()) {
                LeafReader leaf = context.reader();
                Bits live = leaf.getLiveDocs();
                StoredFields fields = leaf.storedFields();
                for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        documents.merge(fields.document(doc, Set.of(ArticleSchema.ID)).get(ArticleSchema.ID), 1,
                                Integer::sum);
                    }
                }
            }
        }
        return documents;
    }

    private static String idOf(DemoNewswire newswire, SampleArticle article) {
        return ArticleId.of(UrlCanonicalizer.canonicalize(newswire.urlOf(article)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }

    /** Releases the newswire's articles one by one on a thread of its own, whatever state the pipeline is in. */
    private static final class Publisher {
        private final DemoNewswire newswire;
        private final Duration interval;
        private final Thread thread;
        private volatile boolean hurry;

        Publisher(DemoNewswire newswire, Duration interval) {
            this.newswire = newswire;
            this.interval = interval;
            this.thread = new Thread(this::publish, "crash-bench-publisher");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        /** Publishes whatever is left at once and returns when everything is out. */
        void finish() throws InterruptedException {
            hurry = true;
            thread.interrupt();
            thread.join();
        }

        private void publish() {
            while (newswire.releaseNext() != null) {
                if (!hurry) {
                    try {
                        Thread.sleep(interval.toMillis());
                    } catch (InterruptedException e) {
                        hurry = true;
                    }
                }
            }
        }
    }
}
