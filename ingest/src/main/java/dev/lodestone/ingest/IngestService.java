package dev.lodestone.ingest;

import dev.lodestone.core.Article;
import dev.lodestone.core.FeedState;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.Topics;
import dev.lodestone.ingest.feed.FeedPoller;
import dev.lodestone.ingest.feed.SeenArticles;
import dev.lodestone.ingest.fetch.AddressGuard;
import dev.lodestone.ingest.fetch.HttpFetcher;
import dev.lodestone.ingest.registry.FeedSource;
import dev.lodestone.ingest.registry.TopicSnapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: polls every configured source (feed, sitemap or section page) and publishes each new
 * article on {@link Topics#ARTICLES}, keyed by its id, and each source's health after every poll on
 * {@link Topics#FEEDS}, keyed by its URL. The topics must exist ({@link Topics#ensureExist}).
 *
 * <p>Feeds are polled on a small pool of threads, the first time at {@link #start()} and then when the feed's
 * {@link dev.lodestone.ingest.feed.PollSchedule} says after the end of the previous poll, so polls of one
 * feed never overlap. A slow or
 * failing feed occupies one thread, for at most its number of fetches times the request timeout, and delays
 * no other feed on a free thread; requests to one host go one at a time, with a pause between them,
 * whichever feed they come from. No failure in a poll ever cancels the feed's schedule.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final int MAX_THREADS = 4;
    private static final int SEEN_URLS = 100_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final IngestSettings settings;
    private final String bootstrapServers;
    private final SeenArticles seen;
    private final List<FeedPoller> pollers;
    private final Producer<String, Object> producer;
    private final ScheduledExecutorService scheduler;
    private boolean started;

    public IngestService(IngestSettings settings, String bootstrapServers) {
        this.settings = settings;
        HttpFetcher fetcher = new HttpFetcher(new AddressGuard(settings.allowLoopback()), settings.userAgent(),
                settings.connectTimeout(), settings.requestTimeout(), settings.maxBodyBytes(), settings.politeness());
        this.seen = new SeenArticles(SEEN_URLS);
        this.bootstrapServers = bootstrapServers;
        this.pollers = distinctByUrl(settings.sources()).stream()
                .map(source -> new FeedPoller(source, settings.pollSchedule(), fetcher, seen, Clock.systemUTC()))
                .toList();
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "lodestone-ingest"),
                new StringSerializer(), JsonSerde.serializer());
        this.scheduler = Executors.newScheduledThreadPool(
                Math.max(1, Math.min(MAX_THREADS, pollers.size())), namedDaemonThreads());
    }

    /**
     * Remembers every article already on {@link Topics#ARTICLES}, so nothing ingested before a restart is
     * fetched or published again, then starts polling every feed now, in the background.
     *
     * @throws dev.lodestone.core.KafkaUnavailableException when the articles topic cannot be read
     */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("ingest is already started");
        }
        started = true;
        int[] known = {0};
        TopicSnapshot.read(bootstrapServers, Topics.ARTICLES, Article.class, (id, article) -> {
            if (article != null) {
                seen.restore(article.url(), article.contentHash(), article.revision());
                known[0]++;
            }
        });
        for (FeedPoller poller : pollers) {
            scheduler.execute(() -> pollAndReschedule(poller));
        }
        LOG.info("Ingest started: {} sources, every {} to {} by publishing rate; {} article records already published",
                pollers.size(), settings.pollInterval(), settings.maxPollInterval(), known[0]);
    }

    /** Stops polling, interrupting polls in flight, then flushes and closes the producer. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Ingest: polls still running after {}; closing anyway", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_TIMEOUT);
        LOG.info("Ingest stopped");
    }

    /** Polls once, then schedules the next poll when the feed's state says, whatever went wrong. */
    private void pollAndReschedule(FeedPoller poller) {
        Duration delay = settings.maxPollInterval();
        try {
            FeedState state = poller.poll(this::publish);
            send(Topics.FEEDS, state.url(), state);
            delay = Duration.between(Instant.now(), state.nextPoll());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.error("Feed {}: poll failed unexpectedly; next poll in {}", poller.feedUrl(), delay, e);
        }
        try {
            scheduler.schedule(() -> pollAndReschedule(poller), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Feed {}: not rescheduled, ingest is stopping", poller.feedUrl());
        }
    }

    private void publish(Article article) {
        send(Topics.ARTICLES, article.id(), article);
        LOG.info("Article {} (revision {}): {}", article.url(), article.revision(), article.title());
    }

    private void send(String topic, String key, Object value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                LOG.error("Could not publish {} on {}: {}", key, topic, error.getMessage());
            }
        });
    }

    /** The first source listed for each URL: one URL polled twice would only cost its server double. */
    private static List<FeedSource> distinctByUrl(List<FeedSource> sources) {
        Map<URI, FeedSource> byUrl = new LinkedHashMap<>();
        sources.forEach(source -> byUrl.putIfAbsent(source.url(), source));
        return List.copyOf(byUrl.values());
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
