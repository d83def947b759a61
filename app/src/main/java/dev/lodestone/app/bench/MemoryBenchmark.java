package dev.lodestone.app.bench;

import dev.lodestone.app.LodestoneConfig;
import dev.lodestone.app.Pipeline;
import dev.lodestone.core.ArticleId;
import dev.lodestone.ingest.url.UrlCanonicalizer;
import dev.lodestone.newswire.DemoNewswire;
import dev.lodestone.newswire.SampleArticle;
import dev.lodestone.newswire.SampleArticles;
import dev.lodestone.search.benchmark.SearchBenchmark;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap the whole single-process pipeline needs while it holds a large index: whether a newsroom's year of
 * articles fits in, say, {@code -Xmx1g}.
 *
 * <p>Feeding a million articles through the pipeline would take hours, so the index is first built directly
 * with the search benchmark's synthetic press ({@link SearchBenchmark}), in the layout the pipeline's search
 * service opens ({@code <data>/index}, committed without Kafka offsets, so the service reads the empty topics
 * from their start). Then the whole pipeline starts on that data folder, in this process, and works as it
 * would in a newsroom: a local newswire publishes articles that are fetched, extracted, tagged, indexed and
 * alerted on, while an analyst's queries run against the whole index. At the end the heap is measured after
 * a full collection, beside the most it held while running.
 */
public final class MemoryBenchmark {
    /** What an analyst asks, in turn: words, a phrase, a boolean query, as the search page sends them. */
    private static final List<String> QUERIES = List.of("antimony", "\"rare earths\"", "Pakistan AND minerals",
            "Gwadar OR Pasni", "shipment copper", "Reko Diq");
    private static final Duration QUERY_EVERY = Duration.ofMillis(250);

    /**
     * @param heapAfterGcBytes heap used after a full collection at the end, the pipeline still running
     * @param peakHeapBytes    the most heap used at any sample (every 100 ms) while live articles flowed
     */
    public record Result(int indexed, int live, double liveSeconds, int queries, long maxHeapBytes,
                         long heapAfterGcBytes, long peakHeapBytes, long gcCount, long gcMillis) {}

    private MemoryBenchmark() {}

    /**
     * Builds an index of {@code indexed} synthetic articles, then runs the pipeline on it while {@code live}
     * more appear on the newswire at {@code rate} a second, and measures the heap.
     */
    public static Result run(int indexed, int live, double rate, PrintStream progress) throws Exception {
        Path data = Files.createTempDirectory("lodestone-bench-memory");
        try {
            SearchBenchmark.run(indexed, data.resolve("index"), progress);
            return runPipeline(indexed, live, rate, data, progress);
        } finally {
            deleteQuietly(data);
        }
    }

    private static Result runPipeline(int indexed, int live, double rate, Path data, PrintStream progress)
            throws Exception {
        SampleArticles content = PipelineBenchmark.synthetic(live);
        AtomicLong peak = new AtomicLong();
        AtomicInteger queries = new AtomicInteger();
        ScheduledExecutorService background = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "bench-memory");
            thread.setDaemon(true);
            return thread;
        });
        try (DemoNewswire newswire = DemoNewswire.start(content, 0, Duration.ZERO, 0, DemoNewswire.Hosts.ONE_PER_OUTLET)) {
            LodestoneConfig config = LodestoneConfig.bundled().withFeeds(newswire.feedUrls()).withAllowLoopback(true)
                    .withPollInterval(Duration.ofSeconds(1)).withHostDelay(Duration.ZERO);
            try (Pipeline pipeline = Pipeline.start(new Pipeline.Options(config, Pipeline.all(), null, data, 0, 0, -1,
                    "bench"))) {
                int port = pipeline.search().orElseThrow().port();
                HttpClient http = HttpClient.newHttpClient();
                background.scheduleAtFixedRate(() -> peak.accumulateAndGet(heapUsed(), Math::max), 0, 100,
                        TimeUnit.MILLISECONDS);
                background.scheduleWithFixedDelay(() -> query(http, port, queries), 0, QUERY_EVERY.toMillis(),
                        TimeUnit.MILLISECONDS);
                long gcCountBefore = gcCount();
                long gcMillisBefore = gcMillis();
                long start = System.nanoTime();
                long gapNanos = (long) (1e9 / rate);
                Progress publishing = new Progress("published", live, progress);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < live; i++) {
                    long wait = start + i * gapNanos - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    SampleArticle article = newswire.releaseNext();
                    ids.add(ArticleId.of(UrlCanonicalizer.canonicalize(newswire.urlOf(article))));
                    publishing.update(i + 1);
                }
                publishing.done();
                awaitSearchable(http, port, ids, new Progress("searchable", ids.size(), progress));
                double seconds = (System.nanoTime() - start) / 1e9;
                background.shutdownNow();
                background.awaitTermination(10, TimeUnit.SECONDS);
                System.gc();
                return new Result(indexed, live, seconds, queries.get(), Runtime.getRuntime().maxMemory(), heapUsed(),
                        peak.get(), gcCount() - gcCountBefore, gcMillis() - gcMillisBefore);
            }
        } finally {
            background.shutdownNow();
        }
    }

    private static void query(HttpClient http, int port, AtomicInteger queries) {
        String q = QUERIES.get(queries.get() % QUERIES.size());
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/search?size=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("query " + q + " answered HTTP " + response.statusCode());
            }
            queries.incrementAndGet();
        } catch (IOException e) {
            throw new IllegalStateException("query " + q + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the search API serves the last article, and then every one. */
    private static void awaitSearchable(HttpClient http, int port, List<String> ids, Progress bar)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        int found = 0;
        while (found < ids.size()) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/articles/" + ids.get(found))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                found++;
                bar.update(found);
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + found + " of " + ids.size() + " articles became searchable");
            } else {
                Thread.sleep(50);
            }
        }
        bar.done();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
