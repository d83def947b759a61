package dev.lodestone.ingest.extract.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Json;
import dev.lodestone.ingest.extract.ArticleExtractor;
import dev.lodestone.ingest.extract.bench.ShingleMetric.PageCounts;
import dev.lodestone.ingest.extract.bench.ShingleMetric.Score;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Measures {@link ArticleExtractor}'s body text on the article-extraction benchmark (saved pages, a
 * hand-made truth, and other extractors' output on the same pages) with {@link ShingleMetric}, and its
 * single-thread speed with a warm JVM. Peers are rescored here rather than quoted, so that a row beside
 * ours is known to be measured the same way.
 */
public final class ExtractionBenchmark {
    /** Passes over all pages before the timed one, for the JIT to settle. */
    private static final int WARM_UP_PASSES = 4;

    private ExtractionBenchmark() {}

    /** How one page went. */
    public record PageResult(String key, String url, double precision, double recall) {}

    /**
     * @param ours          our score over every page of the truth
     * @param pagesPerSecond extraction speed on one thread, parse included, in the last of several passes
     * @param peers         each peer's score, by the peer file's name, best first
     * @param pages         per-page results, worst F1 first
     * @param predictions   our body text by page key, as the benchmark's prediction files hold it
     */
    public record Result(Score ours, double pagesPerSecond, Map<String, Score> peers, List<PageResult> pages,
                         Map<String, String> predictions) {}

    public static Result run(Path benchmarkDir) throws IOException {
        JsonNode truth = Json.MAPPER.readTree(benchmarkDir.resolve("ground-truth.json").toFile());
        Map<String, byte[]> html = new TreeMap<>();
        Map<String, URI> urls = new LinkedHashMap<>();
        for (var entry : truth.properties()) {
            html.put(entry.getKey(), gunzip(benchmarkDir.resolve("html").resolve(entry.getKey() + ".html.gz")));
            urls.put(entry.getKey(), URI.create(entry.getValue().path("url").asText()));
        }
        Map<String, String> predictions = new TreeMap<>();
        long nanos = 0;
        for (int pass = 0; pass <= WARM_UP_PASSES; pass++) {
            long start = System.nanoTime();
            for (var page : html.entrySet()) {
                predictions.put(page.getKey(), ArticleExtractor.extract(page.getValue(), null, urls.get(page.getKey())).body());
            }
            nanos = System.nanoTime() - start;
        }
        List<PageCounts> counts = new ArrayList<>();
        List<PageResult> pages = new ArrayList<>();
        for (String key : html.keySet()) {
            PageCounts page = ShingleMetric.page(truth.path(key).path("articleBody").asText(""), predictions.get(key));
            counts.add(page);
            pages.add(new PageResult(key, urls.get(key).toString(), page.precision(), page.recall()));
        }
        pages.sort(Comparator.comparingDouble(page -> f1(page.precision(), page.recall())));
        return new Result(ShingleMetric.mean(counts), html.size() * 1e9 / nanos, peers(benchmarkDir, truth), pages,
                predictions);
    }

    private static Map<String, Score> peers(Path benchmarkDir, JsonNode truth) throws IOException {
        List<Map.Entry<String, Score>> scores = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(benchmarkDir.resolve("peers"), "*.json")) {
            for (Path file : files) {
                JsonNode output = unwrapped(Json.MAPPER.readTree(file.toFile()));
                List<PageCounts> counts = new ArrayList<>();
                truth.properties().forEach(page -> counts.add(ShingleMetric.page(
                        page.getValue().path("articleBody").asText(""),
                        output.path(page.getKey()).path("articleBody").asText(""))));
                scores.add(Map.entry(file.getFileName().toString().replaceFirst("\\.json$", ""), ShingleMetric.mean(counts)));
            }
        }
        scores.sort(Comparator.comparingDouble((Map.Entry<String, Score> peer) -> peer.getValue().f1()).reversed());
        Map<String, Score> peers = new LinkedHashMap<>();
        scores.forEach(peer -> peers.put(peer.getKey(), peer.getValue()));
        return peers;
    }

    /** Prediction files may be wrapped as {@code {"version": v, "output": {...}}}, as score.py accepts. */
    private static JsonNode unwrapped(JsonNode predictions) {
        return predictions.size() == 2 && predictions.has("version") && predictions.has("output")
                ? predictions.get("output") : predictions;
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /**
     * Prints our row among the peers'. Usage: {@code ExtractionBenchmark BENCHMARK_DIR [--worst N]
     * [--predictions FILE.json]}; the predictions file can be checked with the benchmark's own
     * {@code score.py}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ExtractionBenchmark BENCHMARK_DIR [--worst N] [--predictions FILE.json]");
            System.exit(2);
        }
        Result result = run(Path.of(args[0]));
        int worst = 0;
        Path predictions = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--worst" -> worst = Integer.parseInt(args[i + 1]);
                case "--predictions" -> predictions = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Map.Entry<String, Score>> rows = new ArrayList<>(result.peers().entrySet());
        rows.add(Map.entry("lodestone", result.ours()));
        rows.sort(Comparator.comparingDouble((Map.Entry<String, Score> row) -> row.getValue().f1()).reversed());
        for (var row : rows) {
            Score score = row.getValue();
            System.out.printf(Locale.ROOT, "%-22s F1 %.3f  P %.3f  R %.3f  pages %d%s%n", row.getKey(), score.f1(),
                    score.precision(), score.recall(), score.pages(), row.getKey().equals("lodestone") ? "   <- ours" : "");
        }
        System.out.printf(Locale.ROOT, "speed: %.0f pages/s on one thread (warm, pass %d)%n", result.pagesPerSecond(),
                WARM_UP_PASSES + 1);
        result.pages().stream().limit(worst).forEach(page -> System.out.printf(Locale.ROOT, "  P %.3f  R %.3f  %s  %s%n",
                page.precision(), page.recall(), page.key().substring(0, 12), page.url()));
        if (predictions != null) {
            writePredictions(result.predictions(), predictions);
        }
    }

    private static void writePredictions(Map<String, String> bodies, Path file) throws IOException {
        try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            out.writeStartObject();
            for (var body : bodies.entrySet()) {
                out.writeObjectFieldStart(body.getKey());
                out.writeStringField("articleBody", body.getValue());
                out.writeEndObject();
            }
            out.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
