package dev.lodestone.search.benchmark;

import dev.lodestone.search.index.ArticleIndex;
import dev.lodestone.search.query.ArticleSearcher;
import dev.lodestone.search.query.SearchRequest;
import dev.lodestone.search.query.SearchRequest.Order;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Measures the search service's index at scale: builds an index of synthetic coverage
 * ({@link SyntheticPress}) through the same {@link ArticleIndex#upsert} the service uses, then runs a
 * fixed mix of analyst searches (each with facets, snippets and story collapse, as the page asks for
 * them) and prints indexing rate, index size per article, latency percentiles and heap used.
 *
 * <p>{@code java ... SearchBenchmark [articles] [index folder]}: 1,000,000 articles by default, in a
 * temporary folder deleted afterwards unless one is given. Targets at 1M on two cores: at least
 * 3,000 articles/s, p50 at most 20 ms, p99 at most 100 ms.
 */
public final class SearchBenchmark {
    public static final int DEFAULT_ARTICLES = 1_000_000;
    private static final long SEED = 20250908L;
    private static final int WARM_UP_ROUNDS = 10;
    private static final int MEASURED_ROUNDS = 20;
    private static final Duration BUDGET = Duration.ofSeconds(30);

    /** The mix: what analysts ask of the deal's coverage, by name. */
    private static final Map<String, SearchRequest> MIX = mix();

    /** What one run measured. */
    public record Result(long articles, double articlesPerSecond, double bytesPerArticle,
                         double p50Millis, double p99Millis, Map<String, Double> p50ByQuery, long heapBytes) {}

    private SearchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : DEFAULT_ARTICLES;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("lodestone-bench");
        try {
            run(articles, dir, System.out);
        } finally {
            if (args.length <= 1) {
                delete(dir);
            }
        }
    }

    /** Builds an index of {@code articles} in the empty folder {@code dir}, measures it and reports to {@code out}. */
    public static Result run(int articles, Path dir, PrintStream out) throws Exception {
        SyntheticPress press = new SyntheticPress(SEED);
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        out.printf("Indexing %,d synthetic articles with %d threads into %s%n", articles, threads, dir);
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    for (long n = part; n < articles; n += threads) {
                        index.upsert(press.article(n));
                        if (part == 0 && n % 100_000 == 0 && n > 0) {
                            out.printf("  %,d articles%n", n);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            pool.shutdown();
            index.commit(Map.of());
            index.refresh();
            double seconds = (System.nanoTime() - started) / 1e9;
            double rate = articles / seconds;
            double bytesPerArticle = (double) size(dir) / articles;
            out.printf("Indexing: %,.0f articles/s (%.1f s including commit); index %,.0f bytes per article%n",
                    rate, seconds, bytesPerArticle);

            Map<String, List<Double>> samples = new LinkedHashMap<>();
            MIX.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
            for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
                for (Map.Entry<String, SearchRequest> query : MIX.entrySet()) {
                    long queryStarted = System.nanoTime();
                    long hits = index.withSearcher(view ->
                            new ArticleSearcher(view, BUDGET).search(query.getValue()).hits().size());
                    double millis = (System.nanoTime() - queryStarted) / 1e6;
                    if (hits == 0 && round == 0) {
                        out.printf("  (query %s found nothing)%n", query.getKey());
                    }
                    if (round >= WARM_UP_ROUNDS) {
                        samples.get(query.getKey()).add(millis);
                    }
                }
            }
            double[] all = samples.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
            Map<String, Double> p50ByQuery = new LinkedHashMap<>();
            samples.forEach((name, times) ->
                    p50ByQuery.put(name, percentile(times.stream().mapToDouble(Double::doubleValue).toArray(), 50)));
            double p50 = percentile(all, 50);
            double p99 = percentile(all, 99);
            out.printf("Queries (%d of each of %d, top 20 with facets, snippets and story collapse): p50 %.1f ms, p99 %.1f ms%n",
                    MEASURED_ROUNDS, MIX.size(), p50, p99);
            p50ByQuery.forEach((name, millis) -> out.printf("  %-28s p50 %6.1f ms%n", name, millis));
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            out.printf("Heap used after GC: %,d MB (max %,d MB)%n", heap >> 20, Runtime.getRuntime().maxMemory() >> 20);
            return new Result(articles, rate, bytesPerArticle, p50, p99, p50ByQuery, heap);
        }
    }

    private static Map<String, SearchRequest> mix() {
        Map<String, SearchRequest> mix = new LinkedHashMap<>();
        mix.put("latest (no query)", SearchRequest.of("", 20));
        mix.put("antimony", SearchRequest.of("antimony", 20));
        mix.put("\"rare earths\" phrase", SearchRequest.of("\"rare earths\"", 20));
        mix.put("two entities", SearchRequest.of("entity:frontier-works-organisation AND entity:us-strategic-metals", 20));
        mix.put("shipment in October", new SearchRequest("shipment", null, null, Instant.parse("2025-10-01T00:00:00Z"),
                Instant.parse("2025-10-31T23:59:59Z"), null, null, 20, null));
        mix.put("speaker newest", SearchRequest.of("speaker:shehbaz-sharif", 20).withOrder(Order.NEWEST));
        mix.put("pasni OR gwadar, dawn", new SearchRequest("pasni OR gwadar", null, List.of("dawn.com"), null, null,
                null, null, 20, null));
        mix.put("port near words", SearchRequest.of("\"port investment\"~5", 20));
        mix.put("about persons", SearchRequest.of("about:true AND kind:person", 20));
        mix.put("minerals AND (a OR b)", SearchRequest.of("critical minerals AND (antimony OR neodymium)", 20));
        return mix;
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
