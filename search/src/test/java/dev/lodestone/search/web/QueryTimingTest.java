package dev.lodestone.search.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.search.StoryArticles;
import dev.lodestone.search.TestIndex;
import dev.lodestone.search.index.ArticleIndex;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every API call that reads the index is timed by kind and outcome. */
class QueryTimingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static ArticleIndex index;
    private static SearchApi api;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void serveTheStory() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);
        api = new SearchApi(index);
        api.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws IOException {
        api.close();
        index.close();
    }

    @BeforeEach
    void watch() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void unwatch() {
        Metrics.removeRegistry(registry);
    }

    private long timed(String kind, String outcome) {
        return registry.get(SearchApi.QUERY_TIME).tags("kind", kind, "outcome", outcome).timer().count();
    }

    @Test
    void aSearchIsTimedAsASearch() throws Exception {
        assertEquals(200, get("/api/search?q=antimony").statusCode());

        assertEquals(1, timed("search", "ok"));
    }

    @Test
    void aQueryRefusedForItsSyntaxIsTimedAsInvalid() throws Exception {
        assertEquals(400, get("/api/search?q=antimony%20AND").statusCode());

        assertEquals(1, timed("search", "invalid"));
    }

    @Test
    void aStoryLookupIsTimedApartFromSearches() throws Exception {
        get("/api/stories/" + StoryArticles.MOU_SIGNED.storyId());

        assertEquals(1, timed("story", "ok"));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
