package dev.lodestone.ingest.extract.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Json;
import dev.lodestone.ingest.extract.ArticleExtractor;
import dev.lodestone.ingest.extract.ExtractedArticle;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures {@link ArticleExtractor}'s metadata against the expectations of Mozilla Readability's test
 * pages ({@code source.html} beside {@code expected-metadata.json}). Each field is scored only on the
 * pages that expect a value for it, and compared as a reader would:
 * <ul>
 *   <li>title and byline: equal after collapsing whitespace, trimming, and ignoring case;</li>
 *   <li>byline also without a leading "By" or "Written by": Readability keeps that label in the text it
 *       returns, this extractor returns only the names, and the two name the same people. Nothing else is
 *       forgiven: a byline with a date or a job title left on, or a different person, is a miss;</li>
 *   <li>published time: the same calendar day in the page's own offset;</li>
 *   <li>language: the same primary subtag ({@code en-us} matches {@code en}).</li>
 * </ul>
 */
public final class MetadataBenchmark {
    private static final URI PAGE_URL = URI.create("http://fakehost/test/page.html");
    private static final Pattern BYLINE_LABEL = Pattern.compile("(?i)^(?:written\\s+)?by\\s+");
    private static final Pattern EXPECTED_DAY = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d)(?:[T ][\\d:.]+([+-]\\d\\d:?\\d\\d|Z)?)?");

    private MetadataBenchmark() {}

    /** One field's agreement, and the pages where it disagreed ("page: expected | got"). */
    public record FieldScore(String field, int matched, int expected, List<String> misses) {
        public double rate() {
            return expected == 0 ? 1 : (double) matched / expected;
        }
    }

    public record Result(List<FieldScore> fields, int pages) {}

    public static Result run(Path corpusDir) throws IOException {
        List<Path> pages;
        try (Stream<Path> dirs = Files.list(corpusDir)) {
            pages = dirs.filter(dir -> Files.isRegularFile(dir.resolve("expected-metadata.json"))).sorted().toList();
        }
        Tally title = new Tally("title");
        Tally byline = new Tally("byline");
        Tally published = new Tally("publishedTime");
        Tally language = new Tally("lang");
        for (Path dir : pages) {
            JsonNode expected = Json.MAPPER.readTree(dir.resolve("expected-metadata.json").toFile());
            ExtractedArticle got = ArticleExtractor.extract(Files.readAllBytes(dir.resolve("source.html")), null, PAGE_URL);
            String page = dir.getFileName().toString();
            title.score(page, text(expected, "title"), got.title(), MetadataBenchmark::sameText);
            byline.score(page, text(expected, "byline"), got.byline(), MetadataBenchmark::sameByline);
            published.score(page, text(expected, "publishedTime"),
                    got.publishedAt() == null ? null : got.publishedAt().toString(), MetadataBenchmark::sameDay);
            language.score(page, text(expected, "lang"), got.language(), MetadataBenchmark::samePrimaryLanguage);
        }
        return new Result(List.of(title.result(), byline.result(), published.result(), language.result()), pages.size());
    }

    private static String text(JsonNode expected, String field) {
        JsonNode value = expected.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    static boolean sameText(String expected, String got) {
        return got != null && normalised(expected).equalsIgnoreCase(normalised(got));
    }

    static boolean sameByline(String expected, String got) {
        return got != null && sameText(BYLINE_LABEL.matcher(normalised(expected)).replaceFirst(""),
                BYLINE_LABEL.matcher(normalised(got)).replaceFirst(""));
    }

    private static String normalised(String text) {
        return text.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    /**
     * The expected day is the date the page wrote ({@code 2019-04-28 06:01:07}, {@code ...+01:00}); ours is
     * read in the page's offset when it gave one, else in UTC.
     */
    static boolean sameDay(String expected, String got) {
        Matcher day = EXPECTED_DAY.matcher(expected.strip());
        if (got == null || !day.find()) {
            return false;
        }
        ZoneOffset offset = day.group(2) == null ? ZoneOffset.UTC : ZoneOffset.of(day.group(2).equals("Z") ? "Z"
                : day.group(2).replaceFirst("(\\d\\d)(\\d\\d)$", "$1:$2"));
        return day.group(1).equals(Instant.parse(got).atOffset(offset).toLocalDate().toString());
    }

    static boolean samePrimaryLanguage(String expected, String got) {
        return got != null && Objects.equals(expected.split("[-_]", 2)[0].toLowerCase(Locale.ROOT), got);
    }

    private interface Agreement {
        boolean agree(String expected, String got);
    }

    private static final class Tally {
        private final String field;
        private final List<String> misses = new ArrayList<>();
        private int matched;
        private int expected;

        Tally(String field) {
            this.field = field;
        }

        void score(String page, String want, String got, Agreement agreement) {
            if (want == null) {
                return;
            }
            expected++;
            if (agreement.agree(want, got)) {
                matched++;
            } else {
                misses.add(page + ": " + want + " | " + got);
            }
        }

        FieldScore result() {
            return new FieldScore(field, matched, expected, List.copyOf(misses));
        }
    }

    /** Prints each field's rate and its misses. Usage: {@code MetadataBenchmark CORPUS_DIR}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: MetadataBenchmark READABILITY_PAGES_DIR");
            System.exit(2);
        }
        Result result = run(Path.of(args[0]));
        for (FieldScore field : result.fields()) {
            System.out.printf(Locale.ROOT, "%-14s %5.1f%%  (%d of %d pages that expect one)%n", field.field(),
                    100 * field.rate(), field.matched(), field.expected());
            field.misses().forEach(miss -> System.out.println("    miss " + miss));
        }
    }
}
