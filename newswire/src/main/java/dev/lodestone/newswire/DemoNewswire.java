package dev.lodestone.newswire;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo newswire: fictional outlets served over real HTTP on loopback, publishing their articles one at a
 * time, so that the pipeline can be watched picking up news as it breaks, with no internet.
 *
 * <p>Serves {@code /} (the outlets and their feed URLs), one feed per outlet ({@code /{outlet}/rss.xml} or
 * {@code /{outlet}/atom.xml}, with an ETag and {@code 304 Not Modified} for a matching {@code If-None-Match}),
 * each outlet's home page and the article pages {@code /{outlet}/{yyyy}/{mm}/{slug}.html}. An article not yet
 * published answers 404 exactly like a page that does not exist.
 *
 * <p>{@link Hosts#ONE_PER_OUTLET} serves each outlet from its own loopback address as well (127.0.0.2,
 * 127.0.0.3, ...; Linux routes all of 127.0.0.0/8 to the loopback interface), with URLs, feeds and pages
 * naming that address, so that a crawler sees one host per outlet, as on the web, and its per-host politeness
 * (one request at a time per host) limits the demo no more than it limits a real deployment. Where the system
 * answers only on 127.0.0.1 (macOS by default), the outlets share it, with a warning.
 *
 * <p>Each outlet's feed is rendered once per publication on it, not per request, as a real site's cache
 * would; {@link #prerenderPages()} does the same for article pages, so that a benchmark spends its CPU on the
 * pipeline rather than on the newswire, which on the web runs on other machines.
 *
 * <p>Binds loopback addresses only: the demo is never reachable from another machine.
 */
public final class DemoNewswire implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoNewswire.class);
    private static final String HTML = "text/html; charset=utf-8";
    /** Threads answering requests: the pipeline fetches from up to a handful of hosts at once. */
    private static final int HANDLER_THREADS = 4;

    private final SampleArticles content;
    private final Map<String, Outlet> outletsById;
    private final Map<String, Integer> releaseIndexByPath;
    private final HttpServer server;
    private final List<HttpServer> outletServers = new ArrayList<>();
    private final Map<String, URI> outletBaseUrls = new HashMap<>();
    private final ExecutorService handlers;
    private final ScheduledExecutorService releases;
    private final URI baseUrl;
    private volatile int released;
    private final List<Consumer<SampleArticle>> releaseListeners = new CopyOnWriteArrayList<>();
    /** Each outlet's published articles, newest first; replaced, never changed, on each publication. */
    private final Map<String, List<SampleArticle>> publishedByOutlet = new ConcurrentHashMap<>();
    private final Map<String, RenderedFeed> feeds = new ConcurrentHashMap<>();
    /**
     * An outlet's list only grows, so its length tells its feeds apart within one newswire; the prefix, new
     * for each newswire, keeps a validator from an earlier run from matching. Hashing the body did the same
     * at a few percent of the pipeline benchmark's CPU.
     */
    private final String etagPrefix = Long.toHexString(ThreadLocalRandom.current().nextLong()) + "-";
    /** By position in the content's articles; empty until {@link #prerenderPages()}. */
    private volatile byte[][] prerenderedPages = new byte[0][];

    /** An outlet's feed as rendered for one list of published articles. */
    private record RenderedFeed(List<SampleArticle> newestFirst, String body, String etag) {}

    /** Where the outlets are served. */
    public enum Hosts {
        /** Every outlet on 127.0.0.1, under the newswire's root. */
        ONE,
        /** Each outlet on a loopback address of its own, 127.0.0.2 onwards, at the newswire's port. */
        ONE_PER_OUTLET
    }

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY every response on a kept-alive
        // connection waits out the client's delayed ACK (~40 ms), which made the newswire the slowest part of
        // the pipeline benchmark. It must be set before the JDK's server configuration is first read.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private DemoNewswire(SampleArticles content, int port, int initiallyReleased, Hosts hosts) throws IOException {
        this.content = content;
        this.outletsById = content.outlets().stream().collect(Collectors.toMap(Outlet::id, Function.identity()));
        var byPath = new HashMap<String, Integer>();
        for (int i = 0; i < content.articles().size(); i++) {
            byPath.put(content.articles().get(i).path(), i);
        }
        this.releaseIndexByPath = Map.copyOf(byPath);
        this.released = Math.max(0, Math.min(initiallyReleased, content.articles().size()));
        content.articles().subList(0, released).forEach(this::addToOutlet);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.handlers = Executors.newFixedThreadPool(HANDLER_THREADS, daemon("newswire-http"));
        this.releases = Executors.newSingleThreadScheduledExecutor(daemon("newswire-release"));
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        this.baseUrl = URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
        if (hosts == Hosts.ONE_PER_OUTLET) {
            serveOutletsOnTheirOwnAddresses(server.getAddress().getPort());
        }
    }

    private void serveOutletsOnTheirOwnAddresses(int port) throws IOException {
        List<Outlet> outlets = content.outlets();
        try {
            for (int i = 0; i < outlets.size(); i++) {
                int n = i + 2;
                InetAddress address = InetAddress.getByAddress(new byte[] {127, (byte) (n >> 16), (byte) (n >> 8), (byte) n});
                HttpServer outletServer = HttpServer.create(new InetSocketAddress(address, port), 0);
                outletServer.setExecutor(handlers);
                outletServer.createContext("/", this::handle);
                outletServers.add(outletServer);
                outletBaseUrls.put(outlets.get(i).id(), URI.create("http://" + address.getHostAddress() + ":" + port + "/"));
            }
        } catch (BindException e) {
            log.warn("Newswire: cannot bind loopback addresses beyond 127.0.0.1 ({}); every outlet is served there",
                    e.getMessage());
            outletServers.forEach(s -> s.stop(0));
            outletServers.clear();
            outletBaseUrls.clear();
        }
    }

    /** Starts the newswire on the bundled sample content. */
    public static DemoNewswire start(int port, Duration releaseInterval, int initiallyReleased) {
        return start(SampleArticles.bundled(), port, releaseInterval, initiallyReleased);
    }

    /**
     * Starts the newswire.
     *
     * @param port              the loopback port, or 0 for any free one
     * @param releaseInterval   how often the next article is published; {@link Duration#ZERO} publishes only on
     *                          {@link #releaseNext()}
     * @param initiallyReleased how many articles, oldest first, are already published at start
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static DemoNewswire start(SampleArticles content, int port, Duration releaseInterval,
            int initiallyReleased) {
        return start(content, port, releaseInterval, initiallyReleased, Hosts.ONE);
    }

    /**
     * Starts the newswire, serving the outlets as {@code hosts} says.
     *
     * @see #start(SampleArticles, int, Duration, int)
     */
    public static DemoNewswire start(SampleArticles content, int port, Duration releaseInterval,
            int initiallyReleased, Hosts hosts) {
        if (releaseInterval.isNegative()) {
            throw new IllegalArgumentException("releaseInterval must not be negative: " + releaseInterval);
        }
        DemoNewswire newswire;
        try {
            newswire = new DemoNewswire(content, port, initiallyReleased, hosts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the demo newswire on 127.0.0.1:" + port, e);
        }
        newswire.server.start();
        newswire.outletServers.forEach(HttpServer::start);
        if (!releaseInterval.isZero()) {
            long millis = Math.max(1, releaseInterval.toMillis());
            newswire.releases.scheduleAtFixedRate(newswire::releaseScheduled, millis, millis, TimeUnit.MILLISECONDS);
        }
        log.info("Newswire: serving {} outlets at {}{} ({}/{} published{})", content.outlets().size(),
                newswire.baseUrl, newswire.outletServers.isEmpty() ? "" : ", each also on a loopback address of its own",
                newswire.released, newswire.totalCount(),
                releaseInterval.isZero() ? "" : ", one more every " + releaseInterval.toMillis() + " ms");
        return newswire;
    }

    /** The feed of every outlet, in the order of the content's outlets. */
    public List<URI> feedUrls() {
        return content.outlets().stream().map(o -> baseUrlOf(o).resolve(o.feedPath())).toList();
    }

    /** The root of the outlet's site: its own address with {@link Hosts#ONE_PER_OUTLET}, else {@link #baseUrl()}. */
    public URI baseUrlOf(Outlet outlet) {
        return outletBaseUrls.getOrDefault(outlet.id(), baseUrl);
    }

    /** The root of the newswire, e.g. {@code http://127.0.0.1:41234/}, which serves every outlet too. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The absolute URL of an article's page, published or not. */
    public URI urlOf(SampleArticle article) {
        return baseUrlOf(outletsById.get(article.outlet())).resolve(article.path());
    }

    public SampleArticles content() {
        return content;
    }

    public int releasedCount() {
        return released;
    }

    public int totalCount() {
        return content.articles().size();
    }

    /**
     * Publishes the next article now.
     *
     * @return the article published, or null when every article was already out
     */
    public synchronized SampleArticle releaseNext() {
        if (released >= totalCount()) {
            return null;
        }
        SampleArticle article = content.articles().get(released);
        addToOutlet(article);
        released++;
        log.info("Newswire: published '{}' on {} ({}/{})", article.title(), outletsById.get(article.outlet()).name(),
                released, totalCount());
        releaseListeners.forEach(listener -> listener.accept(article));
        return article;
    }

    /**
     * Calls {@code listener} with each article from now on, the moment it appears in its outlet's feed, whether
     * published on schedule or by {@link #releaseNext()}: how a demo times what follows from a publication.
     */
    public void onRelease(Consumer<SampleArticle> listener) {
        releaseListeners.add(listener);
    }

    @Override
    public void close() {
        releases.shutdownNow();
        server.stop(0);
        outletServers.forEach(s -> s.stop(0));
        handlers.shutdownNow();
    }

    private void releaseScheduled() {
        releaseNext();
        if (released == totalCount()) {
            log.info("Newswire: all {} articles published", totalCount());
            releases.shutdown();
        }
    }

    /**
     * Renders every article's page now, as it is served just after its publication, and serves those from
     * then on: for benchmarks, which would otherwise spend a good part of their CPU rendering pages. The
     * pages weigh about 100 KB each, all held in memory.
     */
    public void prerenderPages() {
        Map<String, List<SampleArticle>> newestFirst = new HashMap<>();
        byte[][] pages = new byte[content.articles().size()][];
        for (int i = 0; i < pages.length; i++) {
            SampleArticle article = content.articles().get(i);
            List<SampleArticle> earlier = newestFirst.merge(article.outlet(), List.of(article), DemoNewswire::newestFirst);
            Outlet outlet = outletsById.get(article.outlet());
            pages[i] = ArticlePage.render(outlet, article, earlier, baseUrlOf(outlet)).getBytes(StandardCharsets.UTF_8);
        }
        prerenderedPages = pages;
    }

    /** The article's page as {@link #prerenderPages()} rendered it, or null before that. */
    public byte[] prerenderedPage(SampleArticle article) {
        Integer index = releaseIndexByPath.get(article.path());
        byte[][] pages = prerenderedPages;
        return index == null || index >= pages.length ? null : pages[index];
    }

    private void addToOutlet(SampleArticle article) {
        publishedByOutlet.merge(article.outlet(), List.of(article), DemoNewswire::newestFirst);
    }

    /** An outlet's articles with a newly published one in front. */
    private static List<SampleArticle> newestFirst(List<SampleArticle> before, List<SampleArticle> newest) {
        List<SampleArticle> after = new ArrayList<>(before.size() + newest.size());
        after.addAll(newest);
        after.addAll(before);
        return List.copyOf(after);
    }

    private List<SampleArticle> publishedNewestFirst(String outletId) {
        return publishedByOutlet.getOrDefault(outletId, List.of());
    }

    private RenderedFeed feedOf(Outlet outlet) {
        List<SampleArticle> newestFirst = publishedNewestFirst(outlet.id());
        RenderedFeed cached = feeds.get(outlet.id());
        if (cached != null && cached.newestFirst() == newestFirst) {
            return cached;
        }
        String body = Feeds.render(outlet, newestFirst, baseUrlOf(outlet));
        RenderedFeed feed = new RenderedFeed(newestFirst, body, "\"" + etagPrefix + newestFirst.size() + "\"");
        feeds.put(outlet.id(), feed);
        return feed;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n");
                return;
            }
            route(exchange, exchange.getRequestURI().getPath());
        } catch (RuntimeException e) {
            log.warn("Newswire: failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            if (exchange.getResponseCode() == -1) {
                exchange.sendResponseHeaders(500, -1);
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        if (path.equals("/")) {
            send(exchange, 200, HTML, IndexPages.newswire(content.outlets(), this::baseUrlOf));
            return;
        }
        String[] segments = path.substring(1).split("/", -1);
        Outlet outlet = outletsById.get(segments[0]);
        if (outlet == null) {
            notFound(exchange);
        } else if (path.equals(outlet.feedPath())) {
            sendFeed(exchange, feedOf(outlet), outlet.feed());
        } else if (path.equals(outlet.homePath())) {
            send(exchange, 200, HTML, IndexPages.outletHome(outlet, publishedNewestFirst(outlet.id())));
        } else {
            Integer index = releaseIndexByPath.get(path);
            if (index == null || index >= released) {
                notFound(exchange);
            } else {
                SampleArticle article = content.articles().get(index);
                byte[][] pages = prerenderedPages;
                byte[] page = index < pages.length ? pages[index] : null;
                send(exchange, 200, HTML, page != null ? page : ArticlePage.render(outlet, article,
                        publishedNewestFirst(outlet.id()), baseUrlOf(outlet)).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void sendFeed(HttpExchange exchange, RenderedFeed feed, FeedFormat format) throws IOException {
        String etag = feed.etag();
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, format.contentType(), feed.body());
    }

    /** {@code If-None-Match} holds a comma-separated list of tags, possibly weak ({@code W/"..."}), or "*". */
    private static boolean matches(String ifNoneMatch, String etag) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, HTML, "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Page not found</title></head>"
                + "<body><h1>Page not found</h1></body></html>\n");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
