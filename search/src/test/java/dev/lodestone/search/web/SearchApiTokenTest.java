package dev.lodestone.search.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.Json;
import dev.lodestone.search.StoryArticles;
import dev.lodestone.search.TestIndex;
import dev.lodestone.search.index.ArticleIndex;
import dev.lodestone.search.query.ArticleSearcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchApiTokenTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "s3cret-token";

    @TempDir
    static Path dir;

    private static ArticleIndex index;
    private static SearchApi api;

    @BeforeAll
    static void serveBehindAToken() throws IOException {
        index = TestIndex.of(dir, StoryArticles.ALL);
        api = new SearchApi(index, TOKEN, ArticleSearcher.DEFAULT_BUDGET);
        api.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws IOException {
        api.close();
        index.close();
    }

    @Test
    void anApiCallWithoutTheTokenIsUnauthorizedInJson() throws Exception {
        HttpResponse<String> response = send(request("/api/search?q=antimony"));

        assertEquals(401, response.statusCode());
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertTrue(Json.MAPPER.readTree(response.body()).get("error").asText().contains("API token"));
    }

    @Test
    void aWrongTokenIsUnauthorized() throws Exception {
        assertEquals(401, send(request("/api/search").header("Authorization", "Bearer guess")).statusCode());
    }

    @Test
    void theTokenAsABearerHeaderIsAccepted() throws Exception {
        assertEquals(200, send(request("/api/search").header("Authorization", "Bearer " + TOKEN)).statusCode());
    }

    @Test
    void thePageNeedsTheTokenInItsAddress() throws Exception {
        assertEquals(401, send(request("/")).statusCode());
        assertEquals(200, send(request("/?token=" + TOKEN)).statusCode());
    }

    @Test
    void theHealthCheckAndThePageAssetsStayOpen() throws Exception {
        assertEquals(200, send(request("/health")).statusCode());
        assertEquals(200, send(request("/search.js")).statusCode());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
