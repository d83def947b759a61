package dev.lodestone.newswire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The content of the demo newswire: its outlets and their articles, in release order (oldest first).
 *
 * <p>Loading checks what the server relies on, so that a hand-edited file fails at start with the article
 * named rather than serving a broken site: every article names a known outlet, has a title, an author and a
 * body, a page path no other article has, and a publication time no other article has.
 *
 * @param note     what the content is: original sample text about fictional outlets
 * @param outlets  the outlets, in the order their feeds are listed
 * @param articles every article, oldest first
 */
public record SampleArticles(String note, List<Outlet> outlets, List<SampleArticle> articles) {
    /** The classpath location of the bundled content. */
    public static final String BUNDLED = "/newswire/articles.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public SampleArticles {
        outlets = List.copyOf(outlets);
        articles = articles.stream().sorted(Comparator.comparing(SampleArticle::publishedAt)).toList();
        validate(outlets, articles);
    }

    /** The content bundled with this module. */
    public static SampleArticles bundled() {
        try (InputStream in = SampleArticles.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("sample content " + BUNDLED + " is missing from the classpath");
            }
            return read(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    /**
     * Reads content in the bundled file's JSON shape.
     *
     * @param source names the input in error messages
     * @throws IllegalArgumentException when the JSON is malformed or the content inconsistent
     */
    public static SampleArticles read(InputStream json, String source) throws IOException {
        try {
            return MAPPER.readValue(json, SampleArticles.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException(source + ": " + cause.getMessage(), e);
        }
    }

    public Optional<Outlet> outlet(String id) {
        return outlets.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The articles of each syndicated wire story, keyed by its id. */
    public Map<String, List<SampleArticle>> wireStories() {
        return articles.stream()
                .filter(a -> a.wireStory() != null)
                .collect(Collectors.groupingBy(SampleArticle::wireStory));
    }

    private static void validate(List<Outlet> outlets, List<SampleArticle> articles) {
        Map<String, Outlet> byId = outlets.stream().collect(Collectors.toMap(Outlet::id, Function.identity()));
        var paths = new HashSet<String>();
        var times = new HashMap<Instant, String>();
        for (SampleArticle a : articles) {
            String name = "article '" + a.slug() + "' of " + a.outlet();
            require(byId.containsKey(a.outlet()), name + " names an unknown outlet");
            require(notBlank(a.title()), name + " has no title");
            require(notBlank(a.author()), name + " has no author");
            require(notBlank(a.section()), name + " has no section");
            require(!a.paragraphs().isEmpty() && a.paragraphs().stream().allMatch(SampleArticles::notBlank),
                    name + " has no body or an empty paragraph");
            require(paths.add(a.path()), name + " has the same page path as another article: " + a.path());
            String earlier = times.putIfAbsent(a.publishedAt(), a.slug());
            require(earlier == null, name + " is published at the same instant as '" + earlier + "'");
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
