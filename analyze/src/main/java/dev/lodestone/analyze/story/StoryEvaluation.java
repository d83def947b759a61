package dev.lodestone.analyze.story;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Measures story clustering: pairwise precision and recall of "same story" decisions on a labelled set, and
 * assignment throughput on a deterministic synthetic stream. Pairwise, because a story is a set of pairs the
 * reader sees grouped: one wrongly merged copy in a story of four costs three pairs, not one article.
 *
 * <p>A labelled set is plain text, so a reader can open it and see why two articles are one story:
 * <pre>
 * # comment
 * === &lt;story label&gt; &lt;article id&gt;
 * title: &lt;headline&gt;
 * &lt;body, any number of lines&gt;
 * </pre>
 * Articles arrive in file order, one minute apart.
 */
public final class StoryEvaluation {
    private static final Instant START = Instant.parse("2025-09-08T00:00:00Z");

    /** One article of a labelled set; articles with the same {@code story} are copies of one report. */
    public record LabelledArticle(String story, String articleId, String title, String body) {}

    /**
     * The pairwise confusion counts.
     *
     * @param mistakes each predicted story mixing labels ("merged") and each label spread over several
     *                 predicted stories ("split"), with the article ids, for a reader to look at
     */
    public record Result(int articles, long truePairs, long predictedPairs, long correctPairs, List<String> mistakes) {
        public double precision() {
            return predictedPairs == 0 ? 1.0 : (double) correctPairs / predictedPairs;
        }

        public double recall() {
            return truePairs == 0 ? 1.0 : (double) correctPairs / truePairs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d articles, %d same-story pairs: precision %.3f, recall %.3f%s",
                    articles, truePairs, precision(), recall(),
                    mistakes.isEmpty() ? "" : "\n  " + String.join("\n  ", mistakes));
        }
    }

    /** How fast one thread assigned a stream. */
    public record Throughput(int articles, long characters, Duration elapsed) {
        public double articlesPerSecond() {
            return articles / seconds();
        }

        public double megabytesPerSecond() {
            return characters / 1e6 / seconds();
        }

        private double seconds() {
            return Math.max(elapsed.toNanos(), 1) / 1e9;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d articles in %d ms: %.0f articles/s, %.1f MB/s of text",
                    articles, elapsed.toMillis(), articlesPerSecond(), megabytesPerSecond());
        }
    }

    private StoryEvaluation() {}

    /** @throws IllegalArgumentException naming the line, when the text is not a labelled set */
    public static List<LabelledArticle> parse(String labelledSet) {
        List<LabelledArticle> articles = new ArrayList<>();
        String[] lines = labelledSet.split("\r?\n", -1);
        String story = null;
        String id = null;
        String title = null;
        StringBuilder body = new StringBuilder();
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.startsWith("=== ")) {
                if (id != null) {
                    articles.add(new LabelledArticle(story, id, title, body.toString().strip()));
                }
                String[] header = line.substring(4).strip().split("\\s+");
                if (header.length != 2) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": expected '=== <story> <article id>'");
                }
                if (!ids.add(header[1])) {
                    throw new IllegalArgumentException("line " + (n + 1) + ": duplicate article id " + header[1]);
                }
                if (n + 1 >= lines.length || !lines[n + 1].startsWith("title:")) {
                    throw new IllegalArgumentException("line " + (n + 2) + ": expected 'title: <headline>'");
                }
                story = header[0];
                id = header[1];
                title = lines[++n].substring("title:".length()).strip();
                body.setLength(0);
            } else if (id != null) {
                body.append(line).append('\n');
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalArgumentException("line " + (n + 1) + ": text before the first '=== ' header");
            }
        }
        if (id != null) {
            articles.add(new LabelledArticle(story, id, title, body.toString().strip()));
        }
        return articles;
    }

    /** Clusters the articles in order with a fresh clusterer and compares its stories with the labels. */
    public static Result evaluate(List<LabelledArticle> articles, StoryClusterer.Settings settings) {
        StoryClusterer clusterer = new StoryClusterer(settings);
        Map<String, List<String>> byPrediction = new LinkedHashMap<>();
        Map<String, List<String>> byLabel = new LinkedHashMap<>();
        Map<String, Integer> byBoth = new HashMap<>();
        Map<String, String> labelOf = new HashMap<>();
        for (int i = 0; i < articles.size(); i++) {
            LabelledArticle article = articles.get(i);
            String predicted = clusterer.assign(article.articleId(), article.body(), START.plusSeconds(60L * i))
                    .storyId();
            byPrediction.computeIfAbsent(predicted, k -> new ArrayList<>()).add(article.articleId());
            byLabel.computeIfAbsent(article.story(), k -> new ArrayList<>()).add(article.articleId());
            byBoth.merge(article.story() + '\n' + predicted, 1, Integer::sum);
            labelOf.put(article.articleId(), article.story());
        }
        List<String> mistakes = new ArrayList<>();
        byPrediction.forEach((story, ids) -> {
            if (ids.stream().map(labelOf::get).distinct().count() > 1) {
                mistakes.add("merged: " + ids);
            }
        });
        Map<String, String> predictionOf = new HashMap<>();
        byPrediction.forEach((story, ids) -> ids.forEach(id -> predictionOf.put(id, story)));
        byLabel.forEach((label, ids) -> {
            if (ids.stream().map(predictionOf::get).distinct().count() > 1) {
                mistakes.add("split " + label + ": " + ids);
            }
        });
        return new Result(articles.size(), pairs(byLabel.values().stream().mapToInt(List::size)),
                pairs(byPrediction.values().stream().mapToInt(List::size)),
                pairs(byBoth.values().stream().mapToInt(Integer::intValue)), List.copyOf(mistakes));
    }

    private static long pairs(IntStream groupSizes) {
        return groupSizes.mapToLong(n -> (long) n * (n - 1) / 2).sum();
    }

    /**
     * A deterministic stream of {@code count} articles of 150 to 700 words drawn from a skewed vocabulary,
     * where a third of the reports are re-published one to three times with a new header and footer, a few
     * words changed, and one copy in ten cut to its first 60 percent.
     */
    public static List<LabelledArticle> syntheticStream(int count, long seed) {
        Random random = new Random(seed);
        String[] vocabulary = new String[20_000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = Integer.toString(i * 7919 + 101, 36);
        }
        List<LabelledArticle> stream = new ArrayList<>(count);
        List<LabelledArticle> pendingCopies = new ArrayList<>();
        int reports = 0;
        while (stream.size() < count) {
            if (!pendingCopies.isEmpty() && random.nextInt(3) == 0) {
                stream.add(pendingCopies.remove(random.nextInt(pendingCopies.size())));
                continue;
            }
            String story = "s" + reports++;
            List<String> words = new ArrayList<>();
            int length = 150 + random.nextInt(551);
            for (int w = 0; w < length; w++) {
                double u = random.nextDouble();
                words.add(vocabulary[(int) (u * u * vocabulary.length)]);
            }
            stream.add(new LabelledArticle(story, story, story, String.join(" ", words)));
            int copies = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
            for (int c = 1; c <= copies; c++) {
                List<String> copy = new ArrayList<>(words);
                for (int edit = 0; edit < copy.size() / 50; edit++) {
                    copy.set(random.nextInt(copy.size()), vocabulary[random.nextInt(vocabulary.length)]);
                }
                if (random.nextInt(10) == 0) {
                    copy = copy.subList(0, copy.size() * 6 / 10);
                }
                String body = "outlet" + c + " desk " + String.join(" ", copy) + " follow outlet" + c + " online";
                pendingCopies.add(new LabelledArticle(story, story + "-copy" + c, story, body));
            }
        }
        return stream;
    }

    /** Assigns the stream on this thread, after a warm-up on its first tenth so the JIT has compiled the loop. */
    public static Throughput measureThroughput(List<LabelledArticle> stream, StoryClusterer.Settings settings) {
        StoryClusterer warmUp = new StoryClusterer(settings);
        for (int i = 0; i < stream.size() / 10; i++) {
            warmUp.assign(stream.get(i).articleId(), stream.get(i).body(), START);
        }
        StoryClusterer clusterer = new StoryClusterer(settings);
        long characters = 0;
        long started = System.nanoTime();
        for (int i = 0; i < stream.size(); i++) {
            LabelledArticle article = stream.get(i);
            clusterer.assign(article.articleId(), article.body(), START.plusSeconds(i));
            characters += article.body().length();
        }
        return new Throughput(stream.size(), characters, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The labelled set bundled on the class path: wire copies and near-misses written for this project. */
    public static List<LabelledArticle> bundled() {
        try (InputStream in = StoryEvaluation.class.getResourceAsStream("/story/labelled-stories.txt")) {
            if (in == null) {
                throw new IllegalStateException("the labelled story set is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prints precision and recall on the labelled set named by the first argument, if any, then on a
     * synthetic stream of 20,000 articles, and the throughput of assigning that stream.
     */
    public static void main(String[] args) throws IOException {
        StoryClusterer.Settings settings = StoryClusterer.Settings.DEFAULT;
        if (args.length > 0) {
            String labelled = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
            System.out.println("Labelled set " + args[0] + ": " + evaluate(parse(labelled), settings));
        }
        List<LabelledArticle> stream = syntheticStream(20_000, 42);
        Result synthetic = evaluate(stream, settings);
        System.out.printf(Locale.ROOT, "Synthetic stream: %d articles, precision %.4f, recall %.4f%n",
                synthetic.articles(), synthetic.precision(), synthetic.recall());
        System.out.println("Throughput, one thread: " + measureThroughput(stream, settings));
    }
}
