package dev.lodestone.search.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lodestone.core.Json;
import dev.lodestone.search.StoryArticles;
import dev.lodestone.search.TestIndex;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
        index = TestIndex.of(dir, StoryArticles.ALL);
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

    @Test
    void facetsAndTheNextCursorComeWithEveryPage() throws Exception {
        JsonNode json = Json.MAPPER.readTree(get("/api/search?size=1&sort=oldest").body());

        assertEquals(1, json.get("facets").get("sources").get("dawn.com").asLong());
        assertEquals(3, json.get("facets").get("kinds").get("person").asLong());
        assertEquals(3, json.get("facets").get("languages").get("en").asLong());
        String cursor = json.get("nextCursor").asText();

        JsonNode next = Json.MAPPER.readTree(get("/api/search?size=1&sort=oldest&cursor=" + cursor).body());
        assertEquals(StoryArticles.PTI_OBJECTS.id(), next.get("hits").get(0).get("id").asText());
    }

    @Test
    void filtersInTheAddressNarrowTheSearch() throws Exception {
        JsonNode json = Json.MAPPER.readTree(
                get("/api/search?entity=us-strategic-metals&source=reuters.com&from=2025-10-05&to=2025-10-05&about=true").body());

        assertEquals(1, json.get("total").asLong());
        assertEquals(StoryArticles.FIRST_SHIPMENT.id(), json.get("hits").get(0).get("id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=yesterday", "about=yes", "sort=best", "cursor=zzz"})
    void anUnusableFilterIsABadRequest(String parameter) throws Exception {
        HttpResponse<String> response = get("/api/search?" + parameter);

        assertEquals(400, response.statusCode());
        assertFalse(Json.MAPPER.readTree(response.body()).get("error").asText().isBlank());
    }

    @Test
    void theTimelineCountsArticlesPerDay() throws Exception {
        JsonNode json = Json.MAPPER.readTree(get("/api/timeline?q=antimony&interval=day").body());

        assertEquals("2025-09-08T00:00:00Z", json.get("start").asText());
        assertEquals(28, json.get("overall").size());
        assertEquals(1, json.get("entities").get("us-strategic-metals").get(27).asLong());
    }

    @Test
    void anArticleIsServedWhole() throws Exception {
        JsonNode json = Json.MAPPER.readTree(get("/api/articles/" + StoryArticles.MOU_SIGNED.id()).body());

        assertEquals(StoryArticles.MOU_SIGNED.article().body(), json.get("article").get("body").asText());
        assertEquals("stacy-hastie", json.get("quotes").get(0).get("entity").asText());
        assertEquals(3, json.get("mentions").size());
    }

    @Test
    void anUnknownArticleOrStoryIsNotFound() throws Exception {
        for (String path : List.of("/api/articles/nope", "/api/stories/nope")) {
            HttpResponse<String> response = get(path);

            assertEquals(404, response.statusCode(), path);
            assertTrue(Json.MAPPER.readTree(response.body()).get("error").asText().endsWith("nope"), path);
        }
    }

    @Test
    void aStoryListsItsOutlets() throws Exception {
        JsonNode json = Json.MAPPER.readTree(get("/api/stories/" + StoryArticles.PTI_OBJECTS.storyId()).body());

        assertEquals("thenews.com.pk", json.get("outlets").get(0).asText());
    }

    @Test
    void anExportStreamsEveryMatchAsCsv() throws Exception {
        HttpResponse<String> response = get("/api/export?q=deal&format=csv&sort=oldest");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = response.body().lines().toList();
        assertEquals("id,publishedAt,source,title,url,entities,storyId", lines.get(0));
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith(StoryArticles.MOU_SIGNED.id() + ",2025-09-08T14:00:00Z,dawn.com,"), lines.get(1));
    }

    @Test
    void anExportAsJsonIsOneArray() throws Exception {
        JsonNode json = Json.MAPPER.readTree(get("/api/export?format=json").body());

        assertEquals(3, json.size());
        assertEquals(StoryArticles.FIRST_SHIPMENT.id(), json.get(0).get("id").asText());
    }

    @Test
    void anExportOfABadQueryIsABadRequestInJson() throws Exception {
        HttpResponse<String> response = get("/api/export?q=" + encode("deal AND"));

        assertEquals(400, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void theOpenApiDocumentDescribesEveryCall() throws Exception {
        JsonNode json = Json.MAPPER.readTree(get("/api/openapi.json").body());

        for (String path : List.of("/api/search", "/api/timeline", "/api/articles/{id}", "/api/stories/{storyId}",
                "/api/export", "/api/live")) {
            assertTrue(json.get("paths").has(path), path);
        }
    }

    @Test
    void theLiveFeedPushesEachNewlySearchableArticle() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        var stream = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/live"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(response -> response.body().forEach(lines::add));
        // Async: when the response is already there, thenAccept would read the endless stream on this thread.
        // The server greets each new listener with a comment: only then is this page registered (a listener
        // left by another test would make a count of listeners say so too early).
        String greeting = lines.poll(10, TimeUnit.SECONDS);
        assertTrue(greeting != null && greeting.startsWith(":"), "the page listens: " + greeting);

        api.announce(StoryArticles.PTI_OBJECTS);

        String data;
        do {
            data = lines.poll(5, TimeUnit.SECONDS);
        } while (data != null && !data.startsWith("data:"));
        stream.cancel(true);
        assertTrue(data != null, "no event arrived");
        JsonNode event = Json.MAPPER.readTree(data.substring("data:".length()));
        assertEquals(StoryArticles.PTI_OBJECTS.id(), event.get("id").asText());
        assertEquals("PTI demands details of secret minerals deal", event.get("title").asText());
    }

    @Test
    void anUnknownApiCallIsNotFoundInJson() throws Exception {
        HttpResponse<String> response = get("/api/nothing-here");

        assertEquals(404, response.statusCode());
        assertTrue(Json.MAPPER.readTree(response.body()).has("error"));
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
