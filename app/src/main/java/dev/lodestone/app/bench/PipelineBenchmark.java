package dev.lodestone.app.bench;

import dev.lodestone.app.LodestoneConfig;
import dev.lodestone.app.Pipeline;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.Json;
import dev.lodestone.ingest.extract.ArticleExtractor;
import dev.lodestone.ingest.url.UrlCanonicalizer;
import dev.lodestone.newswire.ArticlePage;
import dev.lodestone.newswire.DemoNewswire;
import dev.lodestone.newswire.Outlet;
import dev.lodestone.newswire.SampleArticle;
import dev.lodestone.newswire.SampleArticles;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole pipeline in one process on a local synthetic newswire: feeds polled, pages fetched and extracted,
 * articles tagged and indexed, each one's arrival on the search page's live feed ({@code /api/live}) timed.
 *
 * <p>Two phases. A burst publishes half the articles at once and measures the sustained rate until the last
 * is searchable. Then the rest appear one by one at half that rate, and each one's latency from appearing in
 * its feed to searchable is recorded; at a rate the pipeline sustains, that latency is what a newsroom sees.
 * Beside it, the ceiling: the extraction stage alone on the same pages, on one thread.
 */
public final class PipelineBenchmark {
    /** Articles per outlet feed: the newswire lists an outlet's 50 newest, so no item scrolls out unseen. */
    private static final int PER_OUTLET = 40;

    public record Result(int burst, double burstSeconds, double articlesPerSecond, int paced, double pacedRate,
                         long latencyP50Millis, long latencyP99Millis, double extractionCeiling, Duration pollInterval) {}

    private PipelineBenchmark() {}

    public static Result run(int articles, Duration poll, PrintStream progress) throws Exception {
        SampleArticles content = synthetic(articles);
        Path data = Files.createTempDirectory("lodestone-bench-pipeline");
        Map<String, Long> searchableAt = new ConcurrentHashMap<>();
        try (DemoNewswire newswire = DemoNewswire.start(content, 0, Duration.ZERO, 0)) {
            double ceiling = extractionCeiling(content, newswire.baseUrl());
            LodestoneConfig config = LodestoneConfig.bundled().withFeeds(newswire.feedUrls()).withAllowLoopback(true)
                    .withPollInterval(poll).withHostDelay(Duration.ZERO);
            try (Pipeline pipeline = Pipeline.start(new Pipeline.Options(config, Pipeline.all(), null, data, 0, 0, -1,
                    "bench"))) {
                CompletableFuture<?> live = listen(pipeline.search().orElseThrow().port(), searchableAt);
                int burst = articles / 2;
                long start = System.nanoTime();
                List<String> burstIds = new ArrayList<>();
                for (int i = 0; i < burst; i++) {
                    burstIds.add(idOf(newswire, newswire.releaseNext()));
                }
                Progress bar = new Progress("searchable", burst, progress);
                long last = awaitAll(burstIds, searchableAt, bar);
                double burstSeconds = (last - start) / 1e9;
                double rate = burst / burstSeconds;

                int paced = articles - burst;
                double pacedRate = Math.max(1, rate / 2);
                long gapNanos = (long) (1e9 / pacedRate);
                Map<String, Long> appeared = new ConcurrentHashMap<>();
                long next = System.nanoTime();
                Progress pacing = new Progress("paced", paced, progress);
                for (int i = 0; i < paced; i++) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    appeared.put(idOf(newswire, newswire.releaseNext()), System.nanoTime());
                    next += gapNanos;
                    pacing.update(i + 1);
                }
                pacing.done();
                awaitAll(List.copyOf(appeared.keySet()), searchableAt, new Progress("searchable", paced, progress));
                live.cancel(true);
                long[] latencies = appeared.entrySet().stream()
                        .mapToLong(e -> (searchableAt.get(e.getKey()) - e.getValue()) / 1_000_000).sorted().toArray();
                return new Result(burst, burstSeconds, rate, paced, pacedRate, percentile(latencies, 0.50),
                        percentile(latencies, 0.99), ceiling, poll);
            }
        } finally {
            deleteQuietly(data);
        }
    }

    /** The bundled sample texts, copied onto as many outlets as needed, each copy its own article. */
    static SampleArticles synthetic(int articles) {
        SampleArticles samples = SampleArticles.bundled();
        int outlets = Math.max(1, (articles + PER_OUTLET - 1) / PER_OUTLET);
        List<Outlet> generated = new ArrayList<>();
        for (int o = 0; o < outlets; o++) {
            Outlet model = samples.outlets().get(o % samples.outlets().size());
            generated.add(new Outlet(model.id() + "-" + o, model.name() + " " + o, model.tagline(), model.feed(),
                    model.template(), model.sections()));
        }
        Instant base = Instant.parse("2025-10-01T00:00:00Z");
        List<SampleArticle> copies = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            SampleArticle sample = samples.articles().get(i % samples.articles().size());
            copies.add(new SampleArticle(generated.get(i % outlets).id(), sample.slug() + "-" + i, sample.title(),
                    sample.author(), sample.section(), base.plusSeconds(i), sample.paragraphs(), null));
        }
        return new SampleArticles("Synthetic copies of the sample newswire, for benchmarks.", generated, copies);
    }

    /** Pages per second the extractor alone reaches on one thread over the same pages, warm. */
    private static double extractionCeiling(SampleArticles content, URI base) {
        Map<String, Outlet> outlets = new ConcurrentHashMap<>();
        content.outlets().forEach(o -> outlets.put(o.id(), o));
        List<String> pages = new ArrayList<>();
        for (SampleArticle article : content.articles()) {
            pages.add(ArticlePage.render(outlets.get(article.outlet()), article, List.of(), base));
        }
        URI url = base.resolve("/page.html");
        pages.forEach(page -> ArticleExtractor.extract(page, url));
        long start = System.nanoTime();
        pages.forEach(page -> ArticleExtractor.extract(page, url));
        return pages.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static String idOf(DemoNewswire newswire, SampleArticle article) {
        return ArticleId.of(UrlCanonicalizer.canonicalize(newswire.urlOf(article)));
    }

    /** Records when each article is announced on the live feed, as a page would see it. */
    private static CompletableFuture<?> listen(int port, Map<String, Long> searchableAt) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/live"))
                .header("Accept", "text/event-stream").build();
        CompletableFuture<?> stream = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                // Async: were the response already in, thenAccept would read the endless stream on this thread.
                .thenAcceptAsync(response -> response.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        try {
                            String id = Json.MAPPER.readTree(line.substring(5)).path("id").asText(null);
                            if (id != null) {
                                searchableAt.putIfAbsent(id, System.nanoTime());
                            }
                        } catch (IOException e) {
                            // Not an article event.
                        }
                    }
                }));
        Thread.sleep(300);
        return stream;
    }

    private static long awaitAll(List<String> ids, Map<String, Long> searchableAt, Progress bar) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            long seen = ids.stream().filter(searchableAt::containsKey).count();
            bar.update(seen);
            if (seen == ids.size()) {
                bar.done();
                return ids.stream().mapToLong(searchableAt::get).max().orElse(System.nanoTime());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + seen + " of " + ids.size() + " articles became searchable");
            }
            Thread.sleep(20);
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
