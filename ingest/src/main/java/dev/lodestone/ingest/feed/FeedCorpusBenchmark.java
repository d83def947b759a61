package dev.lodestone.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Measures {@link FeedParser} against the Go feed parser gofeed on its own translator test data: each
 * {@code x.xml} (or JSON Feed {@code x.json}) beside the universal items gofeed expects from it
 * ({@code x.json}, or {@code x_expected.json}). For each item field gofeed expects a value in (title, link,
 * published time, author name), the field agrees when ours is the same after whitespace normalisation,
 * or, for times, the same instant.
 *
 * <p>Run: {@code java -cp ... dev.lodestone.ingest.feed.FeedCorpusBenchmark ../shared/corpora/gofeed-testdata/translator}
 */
public final class FeedCorpusBenchmark {
    public static final List<String> FIELDS = List.of("title", "link", "published", "author");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final URI BASE = URI.create("http://example.org/feed");

    /**
     * Per-field agreement.
     *
     * @param expected      per field, how many items gofeed expects a value in
     * @param agreed        per field, how many of those ours agrees with
     * @param disagreements one line each: file, item, field, expected and ours
     */
    public record Result(Map<String, Integer> expected, Map<String, Integer> agreed, List<String> disagreements) {
        public double agreement(String field) {
            int total = expected.getOrDefault(field, 0);
            return total == 0 ? 1.0 : agreed.getOrDefault(field, 0) / (double) total;
        }

        public double overall() {
            int total = expected.values().stream().mapToInt(Integer::intValue).sum();
            int agree = agreed.values().stream().mapToInt(Integer::intValue).sum();
            return total == 0 ? 1.0 : agree / (double) total;
        }
    }

    private FeedCorpusBenchmark() {}

    public static Result run(Path translatorDir) throws IOException {
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> agreed = new LinkedHashMap<>();
        FIELDS.forEach(field -> {
            expected.put(field, 0);
            agreed.put(field, 0);
        });
        List<String> disagreements = new ArrayList<>();
        for (Path file : FeedFileCheck.filesIn(translatorDir)) {
            Path expectation = expectationOf(file);
            if (expectation == null || !Files.exists(expectation)) {
                continue;
            }
            JsonNode expectedItems = MAPPER.readTree(expectation.toFile()).path("items");
            List<FeedItem> ours;
            try {
                ours = FeedParser.parse(Files.readAllBytes(file), BASE).items();
            } catch (FeedParseException e) {
                ours = List.of();
            }
            for (int i = 0; i < expectedItems.size(); i++) {
                JsonNode want = expectedItems.get(i);
                FeedItem got = i < ours.size() ? ours.get(i) : null;
                Map<String, String> wanted = new LinkedHashMap<>();
                wanted.put("title", normalise(want.path("title").asText(null)));
                wanted.put("link", normalise(want.path("link").asText(null)));
                wanted.put("published", want.path("publishedParsed").asText(null));
                wanted.put("author", normalise(want.path("author").path("name").asText(null)));
                for (Map.Entry<String, String> field : wanted.entrySet()) {
                    if (field.getValue() == null || field.getValue().isEmpty()) {
                        continue;
                    }
                    expected.merge(field.getKey(), 1, Integer::sum);
                    String actual = got == null ? null : actual(got, field.getKey());
                    if (agree(field.getKey(), field.getValue(), actual)) {
                        agreed.merge(field.getKey(), 1, Integer::sum);
                    } else {
                        disagreements.add(translatorDir.relativize(file) + " item " + i + " " + field.getKey()
                                + ": expected '" + field.getValue() + "', got '" + actual + "'");
                    }
                }
            }
        }
        return new Result(expected, agreed, disagreements);
    }

    /** {@code x.xml} is described by {@code x.json}; a JSON Feed {@code x.json} by {@code x_expected.json}. */
    private static Path expectationOf(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".xml")) {
            return file.resolveSibling(name.substring(0, name.length() - 4) + ".json");
        }
        if (name.endsWith(".json") && !name.endsWith("_expected.json")
                && Files.exists(file.resolveSibling(name.replace(".json", "_expected.json")))) {
            return file.resolveSibling(name.replace(".json", "_expected.json"));
        }
        return null;
    }

    private static String actual(FeedItem item, String field) {
        return switch (field) {
            case "title" -> normalise(item.title());
            case "link" -> item.url() == null ? null : item.url().toString();
            case "published" -> item.publishedAt() == null ? null : item.publishedAt().toString();
            case "author" -> normalise(item.author());
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static boolean agree(String field, String expected, String actual) {
        if (actual == null) {
            return false;
        }
        if (field.equals("published")) {
            try {
                return Instant.parse(expected).equals(Instant.parse(actual));
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return Objects.equals(expected, actual);
    }

    private static String normalise(String text) {
        return text == null ? null : text.strip().replaceAll("\\s+", " ");
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/corpora/gofeed-testdata/translator");
        Result result = run(dir);
        result.disagreements().forEach(line -> System.out.println("DISAGREE " + line));
        for (String field : FIELDS) {
            System.out.printf(Locale.ROOT, "%-10s %4d/%-4d %6.1f%%%n", field, result.agreed().get(field),
                    result.expected().get(field), 100 * result.agreement(field));
        }
        System.out.printf(Locale.ROOT, "%-10s %16.1f%%%n", "overall", 100 * result.overall());
    }
}
