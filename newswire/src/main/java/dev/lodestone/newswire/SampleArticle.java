package dev.lodestone.newswire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One article of the sample content.
 *
 * @param outlet      the id of the outlet that publishes it
 * @param slug        the last segment of its page path, unique within the outlet
 * @param title       the headline
 * @param author      the byline, without "By"
 * @param section     the section it runs in
 * @param publishedAt when it was published; distinct across the content, so release order is unambiguous
 * @param paragraphs  the body text, one paragraph each
 * @param wireStory   the id shared by syndicated copies of one wire story, or null for an original
 */
public record SampleArticle(String outlet, String slug, String title, String author, String section,
        Instant publishedAt, List<String> paragraphs, String wireStory) {

    public SampleArticle {
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(publishedAt, "publishedAt");
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }

    /** The page's path, {@code /{outlet}/{yyyy}/{mm}/{slug}.html}, dated by publication in UTC. */
    public String path() {
        var date = publishedAt.atOffset(ZoneOffset.UTC);
        return String.format("/%s/%04d/%02d/%s.html", outlet, date.getYear(), date.getMonthValue(), slug);
    }

    /** The first paragraph: what feeds carry as the summary and pages as their description. */
    public String lead() {
        return paragraphs.isEmpty() ? "" : paragraphs.get(0);
    }

    /** Words in the body, counted as runs of non-space characters. */
    public int wordCount() {
        return paragraphs.stream().mapToInt(p -> p.isBlank() ? 0 : p.trim().split("\\s+").length).sum();
    }
}
