package dev.lodestone.ingest;

import dev.lodestone.core.Article;
import dev.lodestone.core.FeedState;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.KafkaUnavailableException;
import dev.lodestone.core.Topics;
import dev.lodestone.ingest.feed.FeedPoller;
import dev.lodestone.ingest.feed.SeenArticles;
import dev.lodestone.ingest.fetch.AddressGuard;
import dev.lodestone.ingest.fetch.HttpFetcher;
import dev.lodestone.ingest.registry.FeedHealthMetrics;
import dev.lodestone.ingest.registry.FeedRegistry;
import dev.lodestone.ingest.registry.FeedSource;
import dev.lodestone.ingest.registry.RegistryShare;
import dev.lodestone.ingest.registry.TopicFollower;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: polls its share of the feed registry's sources (feeds, sitemaps and section pages) and
 * publishes each new article on {@link Topics#ARTICLES}, keyed by its id, and each source's health after every
 * poll on {@link Topics#FEEDS}, keyed by its URL. The topics must exist ({@link Topics#ensureExist}).
 *
 * <p>Instances share the registry: at start each adds the configured sources the registry lacks, then joins
 * the consumer group {@value RegistryShare#GROUP} on {@link Topics#FEEDS} and polls exactly the sources of the
 * partitions assigned to it ({@link RegistryShare}), including those added or removed while it runs. So two
 * instances fetch every source once between them, and when one stops or dies its sources move to the others.
 * A source taken over is first polled when its last state says (its {@code nextPoll}), not at once, so a
 * rebalance causes no burst of requests. A source given up is stopped at once, its poll in flight abandoned,
 * and what it published flushed before the partition moves. Every instance follows the whole articles topic
 * ({@link TopicFollower}), and reads it to the end before polling a source it took over, so a moved source
 * does not publish again what its previous owner did.
 *
 * <p>Sources are polled on a pool of {@link IngestSettings#pollThreads()} threads, each when its {@link dev.lodestone.ingest.feed.PollSchedule}
 * says after the end of its previous poll, so polls of one source never overlap. A slow or failing source
 * occupies one thread, for at most its number of fetches times the request timeout, and delays no other on a
 * free thread; requests to one host go one at a time, with a pause between them, whichever source they come
 * from. No failure in a poll ever cancels the source's schedule.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final int SEEN_URLS = 100_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(30);

    /** A source this instance polls; {@code next} and {@code stopped} change under the lock of the map of them. */
    private static final class PolledSource {
        final FeedPoller poller;
        /** Held for the whole of a poll, so stopping the source can wait for the poll in flight to end. */
        final ReentrantLock polling = new ReentrantLock();
        volatile boolean stopped;
        Future<?> next;

        PolledSource(FeedPoller poller) {
            this.poller = poller;
        }
    }

    private final IngestSettings settings;
    private final String bootstrapServers;
    private final String instance = UUID.randomUUID().toString();
    private final HttpFetcher fetcher;
    private final SeenArticles seen;
    private final Map<String, FeedSource> configured = new LinkedHashMap<>();
    private final Producer<String, Object> producer;
    private final ScheduledExecutorService scheduler;
    private final TopicFollower<Article> published;
    private final RegistryShare registry;
    private final Map<String, PolledSource> polled = new HashMap<>();
    private final AtomicLong articlesKnown = new AtomicLong();
    private final FeedHealthMetrics feedHealth = new FeedHealthMetrics(Metrics.globalRegistry, Clock.systemUTC());
    private boolean started;

    public IngestService(IngestSettings settings, String bootstrapServers) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.fetcher = new HttpFetcher(new AddressGuard(settings.allowLoopback()), settings.userAgent(),
                settings.connectTimeout(), settings.requestTimeout(), settings.maxBodyBytes(), settings.politeness());
        this.seen = new SeenArticles(SEEN_URLS);
        settings.sources().forEach(source -> configured.putIfAbsent(source.url().toString(), source));
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "lodestone-ingest"),
                new StringSerializer(), JsonSerde.serializer());
        this.scheduler = Executors.newScheduledThreadPool(settings.pollThreads(), namedDaemonThreads());
        this.published = new TopicFollower<>(bootstrapServers, "lodestone-ingest-articles", Topics.ARTICLES, Article.class,
                (id, article) -> {
                    if (article != null) {
                        seen.restore(article.url(), article.contentHash(), article.revision());
                        articlesKnown.incrementAndGet();
                    }
                });
        this.registry = new RegistryShare(bootstrapServers, instance, new Share());
    }

    /**
     * Remembers every article already on {@link Topics#ARTICLES}, so nothing ingested before (by any instance)
     * is fetched or published again, adds the configured sources the registry lacks, then joins the other
     * instances and polls this instance's share of the sources, in the background.
     *
     * @throws dev.lodestone.core.KafkaUnavailableException when the articles or feeds topic cannot be read
     */
    public synchronized void start() throws InterruptedException {
        if (started) {
            throw new IllegalStateException("ingest is already started");
        }
        started = true;
        published.start();
        if (!published.awaitCaughtUp(CATCH_UP_TIMEOUT)) {
            throw new KafkaUnavailableException("could not read " + Topics.ARTICLES + " to its end within " + CATCH_UP_TIMEOUT, null);
        }
        int added = addMissingSources();
        registry.start();
        LOG.info("Ingest started: {} configured sources, {} of them new to the feed registry; polling this instance's "
                        + "share of the registry every {} to {} by publishing rate; {} article records already published",
                configured.size(), added, settings.pollInterval(), settings.maxPollInterval(), articlesKnown.get());
    }

    /** The URLs of the sources this instance polls now: its share of the registry. */
    public Set<String> polledSources() {
        synchronized (polled) {
            return Set.copyOf(polled.keySet());
        }
    }

    /**
     * Leaves the group, which stops every poll (interrupting those in flight) and flushes what they published
     * before the other instances take the sources over; then closes the producer.
     */
    @Override
    public void close() {
        registry.close();
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Ingest: polls still running after {}; closing anyway", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_TIMEOUT);
        published.close();
        feedHealth.close();
        LOG.info("Ingest stopped");
    }

    /** Writes a first state for each configured source the registry does not list. */
    private int addMissingSources() {
        Set<String> registered = new HashSet<>();
        FeedRegistry.read(bootstrapServers).forEach(state -> registered.add(state.url()));
        int added = 0;
        for (FeedSource source : configured.values()) {
            if (!registered.contains(source.url().toString())) {
                send(new ProducerRecord<>(Topics.FEEDS, source.url().toString(), source.unpolled()));
                added++;
            }
        }
        producer.flush();
        return added;
    }

    /** Starts polling the source when its state says, unless it is polled already or unusable. */
    private void poll(String url, FeedState state) {
        FeedSource source;
        try {
            source = configured.containsKey(url) ? configured.get(url) : FeedSource.of(state);
        } catch (IllegalArgumentException e) {
            LOG.warn("Feed registry: not polling {}: {}", url, e.getMessage());
            return;
        }
        PolledSource polledSource = new PolledSource(new FeedPoller(source, state, settings.pollSchedule(), fetcher, seen, Clock.systemUTC()));
        Duration delay = state.nextPoll() == null ? Duration.ZERO : Duration.between(Instant.now(), state.nextPoll());
        synchronized (polled) {
            if (polled.putIfAbsent(url, polledSource) == null) {
                schedule(polledSource, delay);
                feedHealth.record(state);
            }
        }
    }

    /** Must hold the lock of {@link #polled}. */
    private void schedule(PolledSource source, Duration delay) {
        try {
            source.next = scheduler.schedule(() -> pollAndReschedule(source), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Feed {}: not scheduled, ingest is stopping", source.poller.feedUrl());
        }
    }

    /** Polls once, then schedules the next poll when the source's state says, whatever went wrong. */
    private void pollAndReschedule(PolledSource source) {
        source.polling.lock();
        try {
            if (source.stopped) {
                return;
            }
            Duration delay = settings.maxPollInterval();
            try {
                FeedState state = source.poller.poll(this::publish);
                delay = Duration.between(Instant.now(), state.nextPoll());
                synchronized (polled) {
                    if (source.stopped) {
                        return;
                    }
                    send(ownState(state));
                    feedHealth.record(state);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (source.stopped) {
                    LOG.debug("Feed {}: poll abandoned: {}", source.poller.feedUrl(), e.toString());
                    return;
                }
                LOG.error("Feed {}: poll failed unexpectedly; next poll in {}", source.poller.feedUrl(), delay, e);
            }
            synchronized (polled) {
                if (!source.stopped) {
                    schedule(source, delay);
                }
            }
        } finally {
            source.polling.unlock();
        }
    }

    /**
     * Stops polling the sources: a poll in flight is interrupted, and waited for (up to a bound), so that it
     * publishes nothing after this returns.
     */
    private void stop(Set<String> urls) {
        List<PolledSource> stopping = new ArrayList<>();
        synchronized (polled) {
            for (String url : urls) {
                PolledSource source = polled.remove(url);
                if (source != null) {
                    source.stopped = true;
                    if (source.next != null) {
                        source.next.cancel(true);
                    }
                    stopping.add(source);
                }
            }
            feedHealth.forget(urls);
        }
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        try {
            for (PolledSource source : stopping) {
                if (source.polling.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    source.polling.unlock();
                } else {
                    LOG.warn("Feed {}: poll still running after {}; leaving it", source.poller.feedUrl(), CLOSE_TIMEOUT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(Article article) {
        send(new ProducerRecord<>(Topics.ARTICLES, article.id(), article));
        LOG.info("Article {} (revision {}): {}", article.url(), article.revision(), article.title());
    }

    /** The source's state after this instance's poll, marked as written here. */
    private ProducerRecord<String, Object> ownState(FeedState state) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.FEEDS, state.url(), state);
        record.headers().add(RegistryShare.WRITER, instance.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void send(ProducerRecord<String, Object> record) {
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                LOG.error("Could not publish {} on {}: {}", record.key(), record.topic(), error.getMessage());
            }
        });
    }

    /** What this instance does as its share of the registry changes; called on the share's thread. */
    private final class Share implements RegistryShare.Listener {
        @Override
        public void owned(Map<String, FeedState> latest) {
            try {
                if (!published.awaitCaughtUp(CATCH_UP_TIMEOUT)) {
                    LOG.warn("Could not read {} to its end within {}: articles of the {} sources taken over may be "
                            + "published again", Topics.ARTICLES, CATCH_UP_TIMEOUT, latest.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            latest.forEach(IngestService.this::poll);
            LOG.info("Feed registry: {} more sources polled here, {} in all", latest.size(), polledSources().size());
        }

        @Override
        public void added(String url, FeedState state) {
            poll(url, state);
            LOG.info("Feed registry: {} added; polled here", url);
        }

        @Override
        public void removed(String url) {
            stop(Set.of(url));
            LOG.info("Feed registry: {} removed; no longer polled", url);
        }

        @Override
        public void revoked(Set<String> urls) {
            stop(urls);
            producer.flush();
            LOG.info("Feed registry: {} sources handed over to other instances, {} still polled here",
                    urls.size(), polledSources().size());
        }

        @Override
        public void strayUpdate(String url) {
            send(new ProducerRecord<>(Topics.FEEDS, url, null));
        }
    }

    private static ThreadFactory namedDaemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "lodestone-ingest-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
