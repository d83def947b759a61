package dev.lodestone.search.web;

import dev.lodestone.core.Json;
import dev.lodestone.core.PortInUseException;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.search.alert.AlertService;
import dev.lodestone.search.index.ArticleIndex;
import dev.lodestone.search.index.ArticleSchema;
import dev.lodestone.search.query.ArticleSearcher;
import dev.lodestone.search.query.Hit;
import dev.lodestone.search.query.InvalidQueryException;
import dev.lodestone.search.query.QuerySyntax;
import dev.lodestone.search.query.QueryTooSlowException;
import dev.lodestone.search.query.SearchRequest;
import dev.lodestone.search.query.Timeline;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the index, described for clients in {@code /api/openapi.json}: search with facets
 * and cursors, a timeline, one article, one story, articles like one, a streamed export, a live feed of
 * newly indexed articles ({@code /api/live}, server-sent events), {@code /health}, and the search page
 * from {@code /web} on the classpath. With {@linkplain AlertService alerts}, also the alert rules, the recent
 * alerts, an Atom feed per rule ({@code /alerts/{ruleId}.atom}), and every alert as it arrives on the live feed
 * (events named {@code alert}, beside the {@code article} events).
 *
 * <p>Every error is JSON, {@code {"error": "..."}}: 400 when the request is at fault (a query syntax
 * error says where), 401 without the token, 404 for an unknown article or story, 503 when a query
 * runs out of time. Every response forbids scripts from anywhere but this server: the page shows text
 * from the open web, and the policy is the second wall should escaping ever fail.
 *
 * <p>With an API token set, the API and the page answer only requests that carry it, as
 * {@code Authorization: Bearer <token>} or, where a browser cannot send headers (opening the page,
 * {@code EventSource}, a feed reader), as {@code ?token=}. The page's script and style are not secret and
 * stay open, as does {@code /health} for monitors.
 *
 * <p>Every API call that reads the index is timed, as the histogram {@value #QUERY_TIME} tagged with its
 * {@code kind} ({@code search}, {@code timeline}, {@code article}, {@code similar}, {@code story},
 * {@code export}: a whole export, streaming included) and {@code outcome} ({@code ok}, {@code invalid},
 * {@code too-slow}, {@code error}).
 */
public final class SearchApi implements AutoCloseable {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final String QUERY_TIME = "lodestone.search.query";

    private static final Logger LOG = LoggerFactory.getLogger(SearchApi.class);
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final int SIMILAR = 5;

    private final ArticleIndex index;
    private final byte[] token;
    private final Duration budget;
    private final LiveFeed live = new LiveFeed();
    private final byte[] openApi;
    private final Javalin server;
    private final AutoCloseable alertSubscription;

    /** An open API with the default query time budget and no alerts. */
    public SearchApi(ArticleIndex index) {
        this(index, null, ArticleSearcher.DEFAULT_BUDGET);
    }

    /** An API without alerts, for an index served on its own. */
    public SearchApi(ArticleIndex index, String apiToken, Duration budget) {
        this(index, apiToken, budget, null);
    }

    /**
     * @param apiToken the token every API call and the page must carry; null or blank for none
     * @param budget   how long one query may search before it fails with 503
     * @param alerts   the alerts to serve; null for none (the alert calls then answer 404)
     */
    public SearchApi(ArticleIndex index, String apiToken, Duration budget, AlertService alerts) {
        this.index = index;
        this.token = apiToken == null || apiToken.isBlank() ? null : apiToken.getBytes(StandardCharsets.UTF_8);
        this.budget = budget;
        this.openApi = resource("/openapi.json");
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
            requireToken(ctx);
        });
        server.get("/api/search", timed("search", this::search));
        server.get("/api/timeline", timed("timeline", this::timeline));
        server.get("/api/articles/{id}", timed("article", this::article));
        server.get("/api/articles/{id}/similar", timed("similar", this::similar));
        server.get("/api/stories/{storyId}", timed("story", this::story));
        server.get("/api/export", timed("export", this::export));
        server.sse("/api/live", live::listen);
        server.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        server.get("/health", this::health);
        if (alerts != null) {
            new AlertApi(index, alerts, Clock.systemUTC()).routes(server);
            alertSubscription = alerts.recent().subscribe(received -> live.publish("alert", received.alert()));
        } else {
            alertSubscription = () -> { };
        }
        server.exception(Unauthorized.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, HttpStatus.UNAUTHORIZED, e.getMessage());
        });
        server.exception(AlertApi.Refused.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        server.exception(InvalidQueryException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        server.exception(QueryTooSlowException.class,
                (e, ctx) -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
        server.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "the search failed on the server; see its log");
        });
        server.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.path().startsWith("/api/") && !ctx.res().isCommitted()) {
                error(ctx, HttpStatus.NOT_FOUND, "no such API call: " + ctx.path());
            }
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

    /** Tells every page on the live feed that {@code article} is now searchable. */
    public void announce(TaggedArticle article) {
        live.publish("article", LiveArticle.of(article));
    }

    /** Pages listening on the live feed now. */
    public int liveListeners() {
        return live.listeners();
    }

    @Override
    public void close() {
        try {
            alertSubscription.close();
        } catch (Exception e) {
            LOG.warn("Could not stop pushing alerts to the live feed: {}", e.toString());
        }
        live.close();
        server.stop();
    }

    /** The handler, timed under {@value #QUERY_TIME} with its kind and outcome. */
    private static Handler timed(String kind, Handler handler) {
        return ctx -> {
            long start = System.nanoTime();
            String outcome = "error";
            try {
                handler.handle(ctx);
                outcome = "ok";
            } catch (InvalidQueryException e) {
                outcome = "invalid";
                throw e;
            } catch (QueryTooSlowException e) {
                outcome = "too-slow";
                throw e;
            } finally {
                Timer.builder(QUERY_TIME).description("Time to answer an API call that reads the index")
                        .tags("kind", kind, "outcome", outcome)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(10))
                        .register(Metrics.globalRegistry)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        };
    }

    private void search(Context ctx) throws IOException {
        SearchRequest request = request(ctx, true);
        ctx.json(index.withSearcher(view -> new ArticleSearcher(view, budget).search(request)));
    }

    private void timeline(Context ctx) throws IOException {
        SearchRequest request = request(ctx, false);
        Timeline.Interval interval = Timeline.Interval.named(
                Objects.requireNonNullElse(ctx.queryParam("interval"), "day"));
        ctx.json(index.withSearcher(view -> new ArticleSearcher(view, budget).timeline(request, interval)));
    }

    private void article(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        var article = index.withSearcher(view -> new ArticleSearcher(view, budget).article(id));
        if (article.isEmpty()) {
            error(ctx, HttpStatus.NOT_FOUND, "no article with id " + id);
        } else {
            ctx.json(article.get());
        }
    }

    private void similar(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        ctx.json(new Similar(index.withSearcher(view -> new ArticleSearcher(view, budget).moreLikeThis(id, SIMILAR))));
    }

    private void story(Context ctx) throws IOException {
        String storyId = ctx.pathParam("storyId");
        var story = index.withSearcher(view -> new ArticleSearcher(view, budget).story(storyId));
        if (story.isEmpty()) {
            error(ctx, HttpStatus.NOT_FOUND, "no story with id " + storyId);
        } else {
            ctx.json(story.get());
        }
    }

    /** Streams every match: rows are written as the index yields them, never gathered first. */
    private void export(Context ctx) throws IOException {
        SearchRequest request = request(ctx, false);
        String format = Objects.requireNonNullElse(ctx.queryParam("format"), "csv");
        boolean csv = switch (format) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw new InvalidQueryException("format must be csv or json, not '" + format + "'", null);
        };
        QuerySyntax.parse(request.query()); // a bad query is refused before the first byte is streamed
        ctx.contentType(csv ? "text/csv; charset=utf-8" : "application/json");
        ctx.header("Content-Disposition", "attachment; filename=\"lodestone-export." + format + "\"");
        try (ExportWriter writer = csv ? ExportWriter.csv(ctx.outputStream()) : ExportWriter.json(ctx.outputStream())) {
            index.withSearcher(view -> {
                new ArticleSearcher(view, budget).export(request, writer::write);
                return null;
            });
        }
    }

    private void health(Context ctx) throws IOException {
        ctx.json(new Health("up", index.count()));
    }

    private void requireToken(Context ctx) {
        if (token == null || !(ctx.path().startsWith("/api/") || ctx.path().startsWith("/alerts/")
                || ctx.path().equals("/") || ctx.path().equals("/index.html"))) {
            return;
        }
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7) : ctx.queryParam("token");
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            throw new Unauthorized(given == null
                    ? "this server needs its API token: send Authorization: Bearer <token> or add ?token=<token>"
                    : "the API token is not right");
        }
    }

    /** The request in the query parameters; {@code paged} says whether size and cursor apply. */
    private static SearchRequest request(Context ctx, boolean paged) {
        String sizeParam = ctx.queryParam("size");
        int size = paged ? parseSize(sizeParam) : 1;
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        String about = ctx.queryParam("about");
        String sort = ctx.queryParam("sort");
        return new SearchRequest(
                ctx.queryParam("q"),
                ctx.queryParams("entity"),
                ctx.queryParams("source"),
                blank(from) ? null : QuerySyntax.instant(from, false),
                blank(to) ? null : QuerySyntax.instant(to, true),
                blank(about) ? null : parseBoolean("about", about),
                blank(sort) ? null : SearchRequest.Order.named(sort),
                size,
                paged && !blank(ctx.queryParam("cursor")) ? ctx.queryParam("cursor") : null);
    }

    private static int parseSize(String size) {
        if (blank(size)) {
            return DEFAULT_SIZE;
        }
        try {
            int parsed = Integer.parseInt(size);
            if (parsed >= 1 && parsed <= MAX_SIZE) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below, like any other unusable size
        }
        throw new InvalidQueryException("size must be a whole number from 1 to " + MAX_SIZE + ", not '" + size + "'", null);
    }

    private static boolean parseBoolean(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidQueryException(name + " must be true or false, not '" + value + "'", null);
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(new ApiError(message));
    }

    private static byte[] resource(String path) {
        try (InputStream in = SearchApi.class.getResourceAsStream(path)) {
            return Objects.requireNonNull(in, path + " is missing from the classpath").readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** A request without the right token. */
    private static final class Unauthorized extends RuntimeException {
        Unauthorized(String message) {
            super(message);
        }
    }

    /** The body of every error response. */
    record ApiError(String error) {}

    /** The body of {@code /health}. */
    record Health(String status, long documents) {}

    /** The body of {@code /api/articles/{id}/similar}. */
    record Similar(List<Hit> articles) {}

    /** What the live panel shows of a newly indexed article. */
    record LiveArticle(String id, String title, String source, Instant publishedAt, List<String> entities,
                       boolean about, String storyId) {
        static LiveArticle of(TaggedArticle tagged) {
            return new LiveArticle(tagged.id(), tagged.article().title(), tagged.article().source(),
                    ArticleSchema.when(tagged.article()), tagged.entities(), tagged.about(), tagged.storyId());
        }
    }
}
