package dev.lodestone.search;

import dev.lodestone.core.ArticleId;
import dev.lodestone.core.Health;
import dev.lodestone.core.DataFolderInUseException;
import dev.lodestone.core.PortInUseException;
import dev.lodestone.search.alert.AlertService;
import dev.lodestone.search.index.ArticleIndex;
import dev.lodestone.search.indexer.TaggedArticleIndexer;
import dev.lodestone.search.query.ArticleSearcher;
import dev.lodestone.search.web.SearchApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search service: indexes every tagged article into a Lucene index on disk and serves the search
 * API and page over HTTP. Each instance is a full replica; run as many as the query load needs. Each
 * article, once searchable, is pushed to the pages listening on the live feed. It also runs the
 * {@linkplain AlertService alerts}: the replicas share matching and deciding, and each serves every alert
 * to its pages, its API and its Atom feeds.
 *
 * <p>Index I/O failures surface as {@link UncheckedIOException}.
 */
public final class SearchService implements AutoCloseable {
    /** How much indexing a crash may cost: the work since the last commit is read from Kafka again. */
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(2);
    private static final String ALL_INTERFACES = "0.0.0.0";
    /** The file that marks a rebuilt index as complete. */
    public static final String READY = "READY";
    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    /** The environment variable holding the API token; unset or blank leaves the API open. */
    public static final String TOKEN_VARIABLE = "LODESTONE_API_TOKEN";

    private final Path indexDir;
    private final String bootstrapServers;
    private final String httpHost;
    private final int httpPort;
    private final String apiToken;
    private final String instanceId;
    private final AlertService.Settings alertSettings;
    private volatile ArticleIndex index;
    private volatile AlertService alerts;
    private volatile SearchApi api;
    private volatile TaggedArticleIndexer indexer;
    private ScheduledExecutorService rebuiltWatch;

    /**
     * Serves HTTP on every network interface, so phones and other machines can reach the page, behind
     * the token in {@value #TOKEN_VARIABLE} when it is set.
     */
    public SearchService(Path indexDir, String bootstrapServers, int httpPort) {
        this(indexDir, bootstrapServers, ALL_INTERFACES, httpPort, System.getenv(TOKEN_VARIABLE));
    }

    /** Serves HTTP on {@code httpHost} without a token. */
    public SearchService(Path indexDir, String bootstrapServers, String httpHost, int httpPort) {
        this(indexDir, bootstrapServers, httpHost, httpPort, null);
    }

    /** An instance named after this machine and its index directory, which a restart keeps. */
    public SearchService(Path indexDir, String bootstrapServers, String httpHost, int httpPort, String apiToken) {
        this(indexDir, bootstrapServers, httpHost, httpPort, apiToken, defaultInstanceId(indexDir),
                AlertService.Settings.defaults());
    }

    /**
     * @param httpHost      the address to serve HTTP on, e.g. {@code 127.0.0.1} to stay private to this machine
     * @param httpPort      0 picks a free port; see {@link #port()}
     * @param apiToken      the token every API call and the page must carry; null or blank for none
     * @param instanceId    stable across restarts and unique among replicas: a restarted instance uses it to
     *                      fence its own unfinished Kafka transactions
     * @param alertSettings how alerts are paced, kept and retried
     */
    public SearchService(Path indexDir, String bootstrapServers, String httpHost, int httpPort, String apiToken,
                         String instanceId, AlertService.Settings alertSettings) {
        this.indexDir = indexDir;
        this.bootstrapServers = bootstrapServers;
        this.httpHost = httpHost;
        this.httpPort = httpPort;
        this.apiToken = apiToken;
        this.instanceId = instanceId;
        this.alertSettings = alertSettings;
    }

    /**
     * Opens the index, starts serving HTTP and starts indexing in the background; returns at once.
     *
     * @throws DataFolderInUseException when another process holds the index
     * @throws PortInUseException       when the HTTP port is taken
     */
    public synchronized void start() {
        if (index != null) {
            throw new IllegalStateException("search service already started");
        }
        ArticleIndex opened;
        try {
            opened = ArticleIndex.open(indexDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the search index at " + indexDir, e);
        }
        AlertService alerting = new AlertService(bootstrapServers, instanceId, alertSettings);
        SearchApi serving = new SearchApi(opened, apiToken, ArticleSearcher.DEFAULT_BUDGET, alerting);
        TaggedArticleIndexer reading;
        try {
            serving.start(httpHost, httpPort);
            reading = new TaggedArticleIndexer(
                    opened, bootstrapServers, "lodestone-search", COMMIT_INTERVAL, serving::announce);
            alerting.start();
        } catch (RuntimeException e) {
            serving.close();
            alerting.close();
            try {
                close(opened);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        alerts = alerting;
        api = serving;
        index = opened;
        takeOverRebuiltIndex();
        reading.start();
        indexer = reading;
        rebuiltWatch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-rebuilt-index");
            thread.setDaemon(true);
            return thread;
        });
        rebuiltWatch.scheduleWithFixedDelay(this::handOverRebuiltIndex, 2, 2, TimeUnit.SECONDS);
    }

    /**
     * Where {@code lodestone reindex} builds a new index while this one keeps serving; a {@value #READY} file in
     * it says the build is complete.
     */
    public static Path rebuiltIndexDir(Path indexDir) {
        return indexDir.toAbsolutePath().resolveSibling(indexDir.getFileName() + "-rebuilt");
    }

    /** Swaps in a complete rebuilt index while running: indexing pauses, searches go on. */
    private synchronized void handOverRebuiltIndex() {
        if (index == null || !Files.exists(rebuiltIndexDir(indexDir).resolve(READY))) {
            return;
        }
        indexer.close();
        try {
            takeOverRebuiltIndex();
        } catch (RuntimeException e) {
            LOG.error("Could not hand over the rebuilt index: {}", e.toString());
        }
        indexer = new TaggedArticleIndexer(index, bootstrapServers, "lodestone-search", COMMIT_INTERVAL, api::announce);
        indexer.start();
    }

    /** Takes over a complete rebuilt index, if there is one; the indexer must not be running. */
    private void takeOverRebuiltIndex() {
        Path rebuilt = rebuiltIndexDir(indexDir);
        if (!Files.exists(rebuilt.resolve(READY))) {
            return;
        }
        try {
            index.replaceWith(rebuilt);
            try (Stream<Path> files = Files.walk(rebuilt)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not take over the rebuilt index " + rebuilt, e);
        }
    }

    /** The HTTP port actually listened on. */
    public int port() {
        return started(api).port();
    }

    /** Articles in the index as searches see it now. */
    public long indexedCount() {
        try {
            return started(index).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ready when the index is open and its indexer is reading: a replica whose indexer stopped still answers
     * searches, but with news that no longer moves, so it must not look healthy.
     */
    public synchronized Health health() {
        if (index == null) {
            return Health.down("search", "not started");
        }
        if (!indexer.isRunning()) {
            return Health.down("search", String.format("index open with %,d articles, but its indexer stopped",
                    indexedCount()));
        }
        return Health.up("search", String.format("index open, %,d articles", indexedCount()));
    }

    /** The rules and recent alerts of this instance. */
    public AlertService alerts() {
        return started(alerts);
    }

    /** Stops serving, stops indexing and alerting, and commits what was indexed with its Kafka offsets. */
    @Override
    public synchronized void close() {
        if (index == null) {
            return;
        }
        try {
            rebuiltWatch.shutdownNow();
            api.close();
            alerts.close();
            indexer.close();
        } finally {
            close(index);
            index = null;
            api = null;
            alerts = null;
            indexer = null;
        }
    }

    /** This machine's name and a digest of the index's absolute path: the same on every restart. */
    static String defaultInstanceId(Path indexDir) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ArticleId.sha256Hex(indexDir.toAbsolutePath().normalize().toString()).substring(0, 8);
    }

    private static <T> T started(T part) {
        if (part == null) {
            throw new IllegalStateException("search service not started");
        }
        return part;
    }

    private void close(ArticleIndex index) {
        try {
            index.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the search index at " + indexDir, e);
        }
    }
}
