package dev.lodestone.search.web;

import dev.lodestone.core.Json;
import dev.lodestone.core.PortInUseException;
import dev.lodestone.search.index.ArticleIndex;
import dev.lodestone.search.query.ArticleSearcher;
import dev.lodestone.search.query.InvalidQueryException;
import dev.lodestone.search.query.SearchResult;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the index: {@code GET /api/search?q=&size=} answers with JSON, {@code GET /health}
 * with the document count, and {@code GET /} serves the search page from {@code /web} on the classpath.
 *
 * <p>Every error is JSON, {@code {"error": "..."}}, with status 400 when the request is at fault, so the
 * page can show the message as it is. Every response forbids scripts from anywhere but this server: the
 * page shows text from the open web, and the policy is the second wall should escaping ever fail.
 */
public final class SearchApi implements AutoCloseable {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private static final Logger LOG = LoggerFactory.getLogger(SearchApi.class);
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final ArticleIndex index;
    private final Javalin server;

    public SearchApi(ArticleIndex index) {
        this.index = index;
        this.server = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });
        });
        server.before(ctx -> {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        server.get("/api/search", this::search);
        server.get("/health", this::health);
        server.exception(InvalidQueryException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        server.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "the search failed on the server; see its log");
        });
    }

    /**
     * Listens on {@code host:port}; port 0 picks a free one.
     *
     * @throws PortInUseException when the port is taken
     */
    public void start(String host, int port) {
        try {
            server.start(host, port);
        } catch (JavalinBindException e) {
            server.stop();
            throw new PortInUseException(port, "web server");
        }
    }

    /** The port listened on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }

    private void search(Context ctx) throws IOException {
        String query = Objects.requireNonNullElse(ctx.queryParam("q"), "");
        String sizeParam = ctx.queryParam("size");
        Integer size = parseSize(sizeParam);
        if (size == null) {
            error(ctx, HttpStatus.BAD_REQUEST, "size must be a whole number from 1 to " + MAX_SIZE + ", not '" + sizeParam + "'");
            return;
        }
        SearchResult result = index.withSearcher(searcher -> new ArticleSearcher(searcher).search(query, size));
        ctx.json(result);
    }

    private void health(Context ctx) throws IOException {
        ctx.json(new Health("up", index.count()));
    }

    /** The requested page size, the default when absent, null when unusable. */
    private static Integer parseSize(String size) {
        if (size == null || size.isEmpty()) {
            return DEFAULT_SIZE;
        }
        try {
            int parsed = Integer.parseInt(size);
            return parsed >= 1 && parsed <= MAX_SIZE ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(new ApiError(message));
    }

    /** The body of every error response. */
    record ApiError(String error) {}

    /** The body of {@code /health}. */
    record Health(String status, long documents) {}
}
