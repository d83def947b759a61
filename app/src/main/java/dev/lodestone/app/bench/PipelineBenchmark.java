package dev.lodestone.app.bench;

import dev.lodestone.app.LodestoneConfig;
import dev.lodestone.app.Pipeline;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.Json;
import dev.lodestone.ingest.extract.ArticleExtractor;
import dev.lodestone.ingest.fetch.AddressGuard;
import dev.lodestone.ingest.fetch.HttpFetcher;
import dev.lodestone.ingest.fetch.Politeness;
import dev.lodestone.ingest.url.UrlCanonicalizer;
import dev.lodestone.newswire.DemoNewswire;
import dev.lodestone.newswire.Outlet;
import dev.lodestone.newswire.SampleArticle;
import dev.lodestone.newswire.SampleArticles;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.Executors;

/**
 * The whole pipeline in one process on a local synthetic newswire: feeds polled, pages fetched and extracted,
 * articles tagged, indexed and matched against an alert rule, each one's arrival on the search page's live
 * feed ({@code /api/live}) timed, as an article and as part of an alert.
 *
 * <p>Each outlet is served from a loopback address of its own ({@link DemoNewswire.Hosts#ONE_PER_OUTLET}), as
 * outlets are separate hosts on the web: ingest fetches one page at a time per host, out of politeness, and
 * one host for every outlet would measure that rule rather than the pipeline. The pages weigh what real
 * article pages weigh, scripts, menus and comments included, so that fetching and extraction cost what they do.
 *
 * <p>Three phases. A warm-up publishes {@code warmUp} articles first and waits until they are searchable, so
 * that the hot paths run compiled, as in a service that has run for a while and as for the ceiling (the JIT
 * compiler still has work left after it: a process holding a broker and four services has many paths). A burst then publishes half the articles at once and measures the sustained rate until the last
 * is searchable, and the CPU time each stage spent on them ({@link CpuByStage}). Once the burst's alerts are
 * out too, the rest appear one by one at half that rate, and each one's latency from appearing in its feed to
 * searchable and to alerted is recorded; at a rate the pipeline sustains, that latency is what a
 * newsroom sees. Beside it, the ceiling: the extraction stage alone on the same pages, on one thread; and what
 * fetching a page alone costs, which with extraction bounds what any pipeline could do on the same cores.
 */
public final class PipelineBenchmark {
    /** Articles per outlet feed: the newswire lists an outlet's 50 newest, so no item scrolls out unseen. */
    private static final int PER_OUTLET = 40;

    /** Matches most of the sample articles, which are about the Pakistan–US minerals deal, but not all. */
    private static final String ALERT_QUERY = "pakistan OR minerals OR metals OR antimony OR china";
    /** How long the alerts may trail the last searchable article before the run stops waiting for more. */
    private static final Duration ALERT_SETTLE = Duration.ofSeconds(5);
    /** Rounds of extraction alone and of fetching alone, the fastest of which counts. */
    private static final int ROUNDS = 3;
    private static final int FETCHED_PAGES = 2000;

    /**
     * @param alerted         how many of the paced articles were alerted on (those the rule matches)
     * @param alertP50Millis  latency from appearing in a feed to being part of an alert on the live feed
     * @param burstCpuNanos   the process's CPU time during the burst, by stage, largest first
     * @param fetchCpuMillis  CPU time to fetch one page from the newswire alone, client and server together
     */
    public record Result(int warmUp, int burst, double burstSeconds, double articlesPerSecond, int paced, double pacedRate,
                         long latencyP50Millis, long latencyP99Millis, int alerted, long alertP50Millis,
                         long alertP99Millis, double extractionCeiling, Duration pollInterval,
                         Map<String, Long> burstCpuNanos, double fetchCpuMillis) {}

    private PipelineBenchmark() {}

    public static Result run(int articles, int warmUp, Duration poll, PrintStream progress) throws Exception {
        SampleArticles content = synthetic(warmUp + articles);
        Path data = Files.createTempDirectory("lodestone-bench-pipeline");
        LiveFeedTimes times = new LiveFeedTimes();
        Map<String, Long> searchableAt = times.searchableAt();
        Map<String, Long> alertedAt = times.alertedAt();
        try (DemoNewswire newswire = DemoNewswire.start(content, 0, Duration.ZERO, 0, DemoNewswire.Hosts.ONE_PER_OUTLET)) {
            newswire.prerenderPages();
            double ceiling = extractionCeiling(newswire);
            double fetchCpuMillis = fetchingCost(content);
            LodestoneConfig config = LodestoneConfig.bundled().withFeeds(newswire.feedUrls()).withAllowLoopback(true)
                    .withPollInterval(poll).withHostDelay(Duration.ZERO);
            try (Pipeline pipeline = Pipeline.start(new Pipeline.Options(config, Pipeline.all(), null, data, 0, 0, -1,
                    "bench"))) {
                int port = pipeline.search().orElseThrow().port();
                createAlertRule(port);
                CompletableFuture<?> live = listen(port, times);
                List<String> warmUpIds = new ArrayList<>();
                for (int i = 0; i < warmUp; i++) {
                    warmUpIds.add(idOf(newswire, newswire.releaseNext()));
                }
                awaitAll(warmUpIds, searchableAt, new Progress("warm-up", warmUp, progress));
                int burst = articles / 2;
                CpuByStage cpu = CpuByStage.start();
                long start = System.nanoTime();
                List<String> burstIds = new ArrayList<>();
                for (int i = 0; i < burst; i++) {
                    burstIds.add(idOf(newswire, newswire.releaseNext()));
                }
                Progress bar = new Progress("searchable", burst, progress);
                long last = awaitAll(burstIds, searchableAt, bar);
                Map<String, Long> burstCpu = cpu.stop();
                // Alerting trails indexing; what it still owes the burst is not the paced articles' latency.
                awaitQuiet(alertedAt);
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
                awaitQuiet(alertedAt);
                live.cancel(true);
                long[] latencies = latencies(appeared, searchableAt);
                long[] alertLatencies = latencies(appeared, alertedAt);
                return new Result(warmUp, burst, burstSeconds, rate, paced, pacedRate, percentile(latencies, 0.50),
                        percentile(latencies, 0.99), alertLatencies.length, percentile(alertLatencies, 0.50),
                        percentile(alertLatencies, 0.99), ceiling, poll, burstCpu, fetchCpuMillis);
            }
        } finally {
            deleteQuietly(data);
        }
    }

    /**
     * Copies of the sample outlets, each its own site, enough for {@code articles} at {@value #PER_OUTLET} each:
     * an outlet's feed lists its 50 newest, so no article scrolls out unseen.
     */
    static List<Outlet> outletsFor(SampleArticles samples, int articles) {
        int count = Math.max(1, (articles + PER_OUTLET - 1) / PER_OUTLET);
        List<Outlet> outlets = new ArrayList<>();
        for (int o = 0; o < count; o++) {
            Outlet model = samples.outlets().get(o % samples.outlets().size());
            outlets.add(new Outlet(model.id() + "-" + o, model.name() + " " + o, model.tagline(), model.feed(),
                    model.template(), model.sections()));
        }
        return outlets;
    }

    /** The bundled sample texts, copied onto as many outlets as needed, each copy its own article. */
    static SampleArticles synthetic(int articles) {
        SampleArticles samples = SampleArticles.bundled();
        List<Outlet> generated = outletsFor(samples, articles);
        int outlets = generated.size();
        Instant base = Instant.parse("2025-10-01T00:00:00Z");
        List<SampleArticle> copies = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            SampleArticle sample = samples.articles().get(i % samples.articles().size());
            copies.add(new SampleArticle(generated.get(i % outlets).id(), sample.slug() + "-" + i, sample.title(),
                    sample.author(), sample.section(), base.plusSeconds(i), sample.paragraphs(), null));
        }
        return new SampleArticles("Synthetic copies of the sample newswire, for benchmarks.", generated, copies);
    }

    /**
     * Pages per second the extractor alone reaches on one thread over the same pages, warm: each page as the
     * newswire serves it just after publication, listing the outlet's earlier articles; the {@link FastestRound}
     * of {@value #ROUNDS}.
     */
    private static double extractionCeiling(DemoNewswire newswire) throws Exception {
        List<SampleArticle> articles = newswire.content().articles();
        long fastest = FastestRound.of(ROUNDS, System::nanoTime, () -> {
            for (SampleArticle article : articles) {
                extract(newswire, article);
            }
        });
        return articles.size() / (fastest / 1e9);
    }

    /**
     * CPU milliseconds per page for ingest's fetcher to fetch pages from a newswire of the same content (its
     * first {@value #FETCHED_PAGES} articles, all published), warm: HTTP client and server together, the cost
     * of a page's trip before extraction starts.
     */
    private static double fetchingCost(SampleArticles content) throws Exception {
        List<SampleArticle> articles = content.articles().subList(0, Math.min(FETCHED_PAGES, content.articles().size()));
        SampleArticles published = new SampleArticles(content.note(), content.outlets(), articles);
        HttpFetcher fetcher = new HttpFetcher(new AddressGuard(true), "lodestone-bench", Duration.ofSeconds(5),
                Duration.ofSeconds(30), 10_000_000, Politeness.DEFAULT.withHostDelay(Duration.ZERO));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (DemoNewswire newswire = DemoNewswire.start(published, 0, Duration.ZERO, articles.size(),
                DemoNewswire.Hosts.ONE_PER_OUTLET)) {
            newswire.prerenderPages();
            long fastest = FastestRound.of(ROUNDS, os::getProcessCpuTime, () -> {
                for (SampleArticle article : articles) {
                    fetcher.fetch(newswire.urlOf(article));
                }
            });
            return fastest / 1e6 / articles.size();
        }
    }

    private static void extract(DemoNewswire newswire, SampleArticle article) {
        ArticleExtractor.extract(newswire.prerenderedPage(article), StandardCharsets.UTF_8, newswire.urlOf(article));
    }

    /** A real-time rule for {@link #ALERT_QUERY}, with no hourly limit, created over the API. */
    private static void createAlertRule(int port) throws IOException, InterruptedException {
        String rule = Json.MAPPER.writeValueAsString(Map.of("name", "Pipeline benchmark", "query", ALERT_QUERY,
                "maxPerHour", 0));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/alert-rules"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(rule)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not create the alert rule: HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static String idOf(DemoNewswire newswire, SampleArticle article) {
        return ArticleId.of(UrlCanonicalizer.canonicalize(newswire.urlOf(article)));
    }

    /** Records when each article is announced on the live feed, as a page would see it. */
    private static CompletableFuture<?> listen(int port, LiveFeedTimes times) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/live"))
                .header("Accept", "text/event-stream").build();
        HttpClient client = HttpClient.newBuilder().executor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "bench-live-feed");
            thread.setDaemon(true);
            return thread;
        })).build();
        CompletableFuture<?> stream = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                // Async: were the response already in, thenAccept would read the endless stream on this thread.
                .thenAcceptAsync(response -> response.body().forEach(line -> times.line(line, System.nanoTime())));
        Thread.sleep(300);
        return stream;
    }

    /** Waits until no article has joined an alert for {@link #ALERT_SETTLE}: the rule matches only some. */
    private static void awaitQuiet(Map<String, Long> alertedAt) throws InterruptedException {
        int seen = -1;
        while (seen != alertedAt.size()) {
            seen = alertedAt.size();
            Thread.sleep(ALERT_SETTLE.toMillis());
        }
    }

    private static long[] latencies(Map<String, Long> appeared, Map<String, Long> reachedAt) {
        return appeared.entrySet().stream().filter(e -> reachedAt.containsKey(e.getKey()))
                .mapToLong(e -> (reachedAt.get(e.getKey()) - e.getValue()) / 1_000_000).sorted().toArray();
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
