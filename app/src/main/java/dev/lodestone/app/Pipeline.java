package dev.lodestone.app;

import dev.lodestone.analyze.AnalyzeService;
import dev.lodestone.analyze.ArticleAnalyzer;
import dev.lodestone.analyze.story.StoryClusterer;
import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.analyze.watchlist.WatchlistWatcher;
import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.Health;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.Topics;
import dev.lodestone.ingest.IngestService;
import dev.lodestone.ingest.IngestSettings;
import dev.lodestone.search.SearchService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Some or all of Lodestone's services in this process, wired to one Kafka cluster: the embedded broker when
 * no bootstrap servers are given, any cluster otherwise.
 *
 * <p>Services start downstream first (search, analyze, ingest) so nothing produced waits for a consumer,
 * and stop in the reverse order, the broker last: clients closed after their broker block for their
 * request timeouts. A service that fails to start stops everything started before it.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    /** The services one process can run. */
    public enum Service { INGEST, ANALYZE, SEARCH }

    /**
     * How to run.
     *
     * @param bootstrapServers an existing Kafka cluster, or null for the embedded broker
     * @param dataDir          where the embedded broker and the index keep their files
     * @param webPort          the search service's HTTP port (0 picks a free one)
     * @param kafkaPort        the embedded broker's port (0 picks a free one)
     * @param opsPort          the port of /health and /metrics (0 picks a free one, -1 serves none)
     * @param instanceId       stable name of this process among its peers, for transactional ids
     */
    public record Options(LodestoneConfig config, Set<Service> services, String bootstrapServers, Path dataDir,
                          int webPort, int kafkaPort, int opsPort, String instanceId) {
        public Options {
            services = Set.copyOf(services);
        }
    }

    /** Articles the story clusterer keeps at most, about 2 KB of heap each. */
    private static final int STORIES_REMEMBERED = 200_000;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<Supplier<Health>> health = new ArrayList<>();
    private String bootstrapServers;
    private SearchService search;
    private OpsServer ops;

    private Pipeline() {}

    public static Pipeline start(Options options) throws IOException, InterruptedException {
        Pipeline pipeline = new Pipeline();
        try {
            pipeline.startAll(options);
            return pipeline;
        } catch (IOException | InterruptedException | RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    private void startAll(Options options) throws IOException, InterruptedException {
        LodestoneConfig config = options.config();
        Watchlist watchlist = null;
        if (options.services().contains(Service.ANALYZE)) {
            watchlist = config.watchlist() == null ? WatchlistLoader.bundled() : WatchlistLoader.load(config.watchlist());
        }
        if (options.bootstrapServers() == null) {
            EmbeddedKafka kafka = EmbeddedKafka.start(options.dataDir().resolve("kafka"), options.kafkaPort());
            started.push(kafka);
            bootstrapServers = kafka.bootstrapServers();
        } else {
            bootstrapServers = options.bootstrapServers();
        }
        createTopics(config.partitions());

        if (options.services().contains(Service.SEARCH)) {
            search = new SearchService(options.dataDir().resolve("index"), bootstrapServers, options.webPort());
            started.push(search);
            search.start();
            health.add(search::health);
            LOG.info("Search: web page and API at http://localhost:{}/", search.port());
        }
        if (options.services().contains(Service.ANALYZE)) {
            AnalyzeService analyze = new AnalyzeService(new ArticleAnalyzer(watchlist, Clock.systemUTC()),
                    new StoryClusterer.Settings(config.storyWindow(), STORIES_REMEMBERED), bootstrapServers,
                    options.instanceId());
            started.push(analyze);
            analyze.start();
            health.add(analyze::health);
            if (config.watchlist() != null) {
                WatchlistWatcher watcher = new WatchlistWatcher(config.watchlist(), reloaded -> {
                    analyze.useAnalyzer(new ArticleAnalyzer(reloaded, Clock.systemUTC()));
                    LOG.info("Analyze: watch-list {} reloaded, {} entities", config.watchlist(), reloaded.entities().size());
                });
                started.push(watcher);
                watcher.start(Duration.ofSeconds(1));
            }
            LOG.info("Analyze: tagging {} entities of the watch-list '{}'", watchlist.entities().size(), watchlist.story());
        }
        if (options.services().contains(Service.INGEST)) {
            IngestSettings settings = IngestSettings.defaults(List.of()).withSources(config.sources())
                    .withPollInterval(config.minPollInterval())
                    .withMaxPollInterval(config.maxPollInterval())
                    .withAllowLoopback(config.allowLoopback())
                    .withHostDelay(config.hostDelay());
            IngestService ingest = new IngestService(settings, bootstrapServers);
            started.push(ingest);
            ingest.start();
            health.add(() -> Health.up("ingest", ingest.polledSources().size() + " sources polled here"));
            LOG.info("Ingest: {} configured sources, shared with other ingest instances through the registry, polled "
                    + "every {} to {} by each one's publishing rate", settings.sources().size(), config.minPollInterval(),
                    config.maxPollInterval());
        }
        if (options.opsPort() >= 0) {
            ops = new OpsServer(options.opsPort(), bootstrapServers, health);
            started.push(ops);
            LOG.info("Health and metrics at http://localhost:{}/health and /metrics", ops.port());
        }
    }

    private void createTopics(int partitions) throws InterruptedException {
        var props = KafkaSettings.admin(bootstrapServers, "lodestone-admin");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(props)) {
            Topics.ensureExist(admin, partitions);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The port of /health and /metrics, when this process serves them. */
    public Optional<Integer> opsPort() {
        return Optional.ofNullable(ops).map(OpsServer::port);
    }

    /** The search service, when this process runs one. */
    public Optional<SearchService> search() {
        return Optional.ofNullable(search);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable service = started.pop();
            try {
                service.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", service.getClass().getSimpleName(), e.toString());
            }
        }
    }

    /** Every service: the one-process deployment. */
    public static Set<Service> all() {
        return EnumSet.allOf(Service.class);
    }
}
