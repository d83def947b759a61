package dev.lodestone.search.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Json;
import dev.lodestone.search.StoryArticles;
import dev.lodestone.search.index.ArticleIndex;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static ArticleIndex index;
    private static SearchApi api;

    @BeforeAll
    static void serveTheStory() throws IOException {
        index = ArticleIndex.open(dir);
        for (var article : StoryArticles.ALL) {
            index.upsert(article);
        }
        index.refresh();
        api = new SearchApi(index);
        api.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws IOException {
        api.close();
        index.close();
    }

    @Test
    void searchAnswersWithTheTotalAndTheHitsAsJson() throws Exception {
        HttpResponse<String> response = get("/api/search?q=" + encode("antimony neodymium"));

        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        JsonNode json = Json.MAPPER.readTree(response.body());
        assertEquals(1, json.get("total").asLong());
        JsonNode hit = json.get("hits").get(0);
        assertEquals(Set.of("total", "hits", "facets", "nextCursor"), fieldNames(json));
        assertEquals(Set.of("id", "title", "url", "source", "publishedAt", "entities", "snippet", "storyId", "outlets"),
                fieldNames(hit));
        assertEquals(StoryArticles.FIRST_SHIPMENT.id(), hit.get("id").asText());
        assertEquals("reuters.com", hit.get("source").asText());
        assertEquals("2025-10-05T09:30:00Z", hit.get("publishedAt").asText());
        assertEquals("shehbaz-sharif", hit.get("entities").get(0).asText());
        assertTrue(hit.get("snippet").asText().contains("<mark>neodymium</mark>"), hit.get("snippet").asText());
    }

    @Test
    void withoutAQueryTheNewestArticlesAreListed() throws Exception {
        JsonNode json = Json.MAPPER.readTree(get("/api/search").body());

        assertEquals(3, json.get("total").asLong());
        assertEquals(StoryArticles.FIRST_SHIPMENT.id(), json.get("hits").get(0).get("id").asText());
    }

    @Test
    void sizeLimitsTheHitsButNotTheTotal() throws Exception {
        JsonNode json = Json.MAPPER.readTree(get("/api/search?size=1").body());

        assertEquals(3, json.get("total").asLong());
        assertEquals(1, json.get("hits").size());
    }

    @Test
    void anInvalidQueryIsABadRequestExplainedInJson() throws Exception {
        HttpResponse<String> response = get("/api/search?q=" + encode("antimony AND"));

        assertEquals(400, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        String error = Json.MAPPER.readTree(response.body()).get("error").asText();
        assertTrue(error.startsWith("Cannot parse 'antimony AND': Encountered"), error);
        assertTrue(error.contains("column 12"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "ten", "-5"})
    void aSizeOutsideOneToAHundredIsABadRequest(String size) throws Exception {
        HttpResponse<String> response = get("/api/search?q=antimony&size=" + size);

        assertEquals(400, response.statusCode());
        assertEquals("size must be a whole number from 1 to 100, not '" + size + "'",
                Json.MAPPER.readTree(response.body()).get("error").asText());
    }

    @Test
    void healthReportsTheDocumentCount() throws Exception {
        HttpResponse<String> response = get("/health");

        assertEquals(200, response.statusCode());
        assertEquals(Json.MAPPER.readTree("{\"status\":\"up\",\"documents\":3}"), Json.MAPPER.readTree(response.body()));
    }

    @Test
    void thePageIsServedWithAPolicyThatAllowsOnlyThisServersScripts() throws Exception {
        HttpResponse<String> page = get("/");

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self'"));
        assertTrue(page.body().contains("<input id=\"q\""), page.body());
        assertTrue(page.body().contains("name=\"viewport\""), "the page scales on a phone");
        assertFalse(page.body().contains("<script>"), "no inline script");
    }

    @Test
    void thePageScriptAndStyleAreServed() throws Exception {
        for (String path : List.of("/search.js", "/style.css")) {
            HttpResponse<String> response = get(path);

            assertEquals(200, response.statusCode(), path);
            assertFalse(response.body().isBlank(), path);
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
