package dev.lodestone.app.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lodestone.core.Alert;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.Json;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.Topics;
import dev.lodestone.newswire.DemoNewswire;
import dev.lodestone.newswire.SampleArticle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out as a deployment sees it: two ingest, two analyze and two search processes (separate JVMs, the
 * {@code lodestone} command line) against one broker, fed by the demo newswire through a proxy that counts
 * every request. Every article is fetched once (proxy counts), published once ({@code lodestone.articles}),
 * tagged once ({@code lodestone.tagged}, read committed), indexed by both search replicas and alerted once
 * ({@code lodestone.alerts}). Then one process of each service is killed with SIGKILL, more news breaks, and
 * the survivors take the work over.
 */
class ScaleOutTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** A dead analyze instance's partitions move after its group session times out, its transaction after 15 s. */
    private static final Duration TAKE_OVER = Duration.ofSeconds(75);
    private static final int FIRST_WAVE = 15;
    private static final int SECOND_WAVE = 15;
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Service> services = new LinkedHashMap<>();

    /** One child process: its name, its ports and its log. */
    private record Service(String name, Process process, int port, int opsPort, Path log) {}

    @Test
    void everyArticleIsFetchedTaggedIndexedAndAlertedOnceAndSurvivorsTakeOverFromKilledInstances() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(temp.resolve("kafka"), 0);
             DemoNewswire newswire = DemoNewswire.start(0, Duration.ZERO, 0);
             CountingProxy proxy = new CountingProxy(newswire.baseUrl())) {
            try (Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "scale-test"))) {
                Topics.ensureExist(admin, 3);
            }
            Path config = writeConfig(newswire.feedUrls().stream().map(proxy::via).toList());
            for (String name : List.of("ingest-1", "ingest-2", "analyze-1", "analyze-2", "search-1", "search-2")) {
                launch(name, kafka.bootstrapServers(), config);
            }
            for (Service service : services.values()) {
                awaitHealthy(service);
            }

            List<String> released = new ArrayList<>();
            release(newswire, proxy, FIRST_WAVE, released);
            awaitEverywhere(kafka, released, List.of("search-1", "search-2"), SETTLE);
            assertOnce(kafka, proxy, released);
            assertAlertedOnce(kafka);

            for (String victim : List.of("ingest-1", "analyze-1", "search-1")) {
                services.get(victim).process().destroyForcibly().waitFor();
            }
            release(newswire, proxy, SECOND_WAVE, released);
            awaitEverywhere(kafka, released, List.of("search-2"), TAKE_OVER);
            assertOnce(kafka, proxy, released);
            await(SETTLE, () -> !alertDecisions(kafka).isEmpty(), () -> "no alert decided yet");
            assertAlertedOnce(kafka);
        } catch (AssertionError | Exception e) {
            services.values().forEach(service -> System.err.println(tail(service)));
            throw e;
        } finally {
            services.values().forEach(service -> service.process().destroyForcibly());
            for (Service service : services.values()) {
                service.process().waitFor();
            }
        }
    }

    private Path writeConfig(List<URI> feeds) throws IOException {
        String yaml = "feeds:\n" + feeds.stream().map(feed -> "  - " + feed + "\n").collect(Collectors.joining())
                + """
                feedLists: []
                partitions: 3
                minPollInterval: PT0.5S
                maxPollInterval: PT0.5S
                hostDelay: PT0S
                allowLoopback: true
                """;
        return Files.writeString(temp.resolve("lodestone.yml"), yaml);
    }

    private void launch(String name, String bootstrapServers, Path config) throws IOException {
        String command = name.substring(0, name.indexOf('-'));
        int port = freePort();
        int opsPort = freePort();
        Path log = temp.resolve(name + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.lodestone.app.Lodestone", command,
                "--bootstrap-servers", bootstrapServers, "--config", config.toString(), "--instance-id", name,
                "--data", temp.resolve(name).toString(), "--port", String.valueOf(port), "--ops-port", String.valueOf(opsPort))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        services.put(name, new Service(name, process, port, opsPort, log));
    }

    private void awaitHealthy(Service service) throws InterruptedException {
        await(START, () -> get(service.opsPort(), "/health").startsWith("200 "), () -> service.name() + " is not healthy");
    }

    private static void release(DemoNewswire newswire, CountingProxy proxy, int count, List<String> released) {
        for (int i = 0; i < count; i++) {
            SampleArticle article = newswire.releaseNext();
            released.add(proxy.via(newswire.urlOf(article)).toString());
        }
    }

    /** Waits until every released article is published, tagged and counted by each of the search replicas. */
    private void awaitEverywhere(EmbeddedKafka kafka, List<String> released, List<String> searches, Duration timeout)
            throws InterruptedException {
        List<String> ids = released.stream().map(ArticleId::of).toList();
        await(timeout, () -> recordsPerKey(kafka, Topics.ARTICLES).keySet().containsAll(ids),
                () -> "articles published: " + recordsPerKey(kafka, Topics.ARTICLES).size() + " of " + ids.size());
        await(timeout, () -> recordsPerKey(kafka, Topics.TAGGED).keySet().containsAll(ids),
                () -> "articles tagged: " + recordsPerKey(kafka, Topics.TAGGED).size() + " of " + ids.size());
        for (String search : searches) {
            await(timeout, () -> indexed(services.get(search)) == released.size(),
                    () -> search + " indexed " + indexed(services.get(search)) + " of " + released.size());
        }
    }

    private static void assertOnce(EmbeddedKafka kafka, CountingProxy proxy, List<String> released) {
        Map<String, Integer> published = recordsPerKey(kafka, Topics.ARTICLES);
        Map<String, Integer> tagged = recordsPerKey(kafka, Topics.TAGGED);
        for (String url : released) {
            assertEquals(1, proxy.requests(URI.create(url).getPath()), "page fetches of " + url);
            assertEquals(1, published.get(ArticleId.of(url)), "records of " + url + " on " + Topics.ARTICLES);
            assertEquals(1, tagged.get(ArticleId.of(url)), "records of " + url + " on " + Topics.TAGGED);
        }
    }

    /**
     * Every alert decision is on the topic once, whichever instance made it: a (rule, story) alerted, held or
     * released twice would be two records of the same alert id and pacing. Copies joining an alert re-publish it
     * by design, and coverage gaps are not decisions, so neither counts.
     */
    private static void assertAlertedOnce(EmbeddedKafka kafka) {
        alertDecisions(kafka).forEach((decision, records) ->
                assertEquals(1, records, "records of the alert decision " + decision));
    }

    /** How many records each alert decision ({@code id pacing}) has on the alerts topic. */
    private static Map<String, Integer> alertDecisions(EmbeddedKafka kafka) {
        Map<String, Integer> decisions = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll(kafka, Topics.ALERTS)) {
            Alert alert = Json.fromBytes(record.value(), Alert.class);
            if (alert.kind().equals("new") || alert.kind().equals("updated")) {
                decisions.merge(alert.id() + " " + alert.pacing(), 1, Integer::sum);
            }
        }
        return decisions;
    }

    /** The search replica's total for a query matching everything; -1 while it does not answer. */
    private int indexed(Service search) {
        Matcher total = TOTAL.matcher(get(search.port(), "/api/search?q=*:*&size=1"));
        return total.find() ? Integer.parseInt(total.group(1)) : -1;
    }

    /** The status code and body, or an empty string when nothing answers. */
    private String get(int port, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** How many committed records each key has on the topic, read from its start to its end. */
    private static Map<String, Integer> recordsPerKey(EmbeddedKafka kafka, String topic) {
        Map<String, Integer> counts = new HashMap<>();
        readAll(kafka, topic).forEach(record -> counts.merge(record.key(), 1, Integer::sum));
        return counts;
    }

    /** Every committed record of the topic, from its start to its end. */
    private static List<ConsumerRecord<String, byte[]>> readAll(EmbeddedKafka kafka, String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaSettings.consumer(kafka.bootstrapServers(), "scale-test", null), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static void await(Duration timeout, Supplier<Boolean> condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + ": " + state.get());
            }
            Thread.sleep(250);
        }
    }

    private static String tail(Service service) {
        try {
            List<String> lines = Files.readAllLines(service.log());
            return "--- " + service.name() + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "--- " + service.name() + ": no log: " + e.getMessage();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
