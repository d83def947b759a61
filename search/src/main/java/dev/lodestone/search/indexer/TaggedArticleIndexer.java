package dev.lodestone.search.indexer;

import dev.lodestone.core.ConsumerLag;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.MalformedRecordException;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import dev.lodestone.search.index.ArticleIndex;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link ArticleIndex} up to date with {@link Topics#TAGGED}, on a thread of its own.
 *
 * <p>Every search replica indexes every article, so this reads all partitions without a consumer group
 * and keeps its position in the index itself: it starts from the offsets of the last index commit (or the
 * beginning of each partition) and commits documents and offsets together, every
 * {@code commitInterval} while articles arrive and once more on {@link #close}. A crash loses only the
 * work since the last commit, which is read again on restart and re-indexed as updates by id.
 *
 * <p>New articles are made searchable, and then announced, twice a second at most: within a second of
 * arriving. A record that does not decode, or that Lucene refuses, is logged and skipped; only a
 * failing index stops the loop. How far the replica is behind the topic shows as its {@link ConsumerLag}.
 */
public final class TaggedArticleIndexer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaggedArticleIndexer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    /**
     * How often new articles are made searchable at most. Each refresh reopens the index and remaps its
     * facet labels, so refreshing per poll would spend a replay's time on views nobody reads; with the
     * poll timeout this keeps every article searchable within 0.7 s of arriving.
     */
    private static final Duration REFRESH_INTERVAL = Duration.ofMillis(500);
    private static final Duration TOPIC_RECHECK = Duration.ofMillis(500);

    private final ArticleIndex index;
    private final Duration commitInterval;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ConsumerLag lag;
    private final Deserializer<TaggedArticle> decoder = JsonSerde.deserializer(TaggedArticle.class);
    private final Thread thread;
    private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();
    private final Consumer<TaggedArticle> onSearchable;
    private volatile boolean running = true;
    private final List<TaggedArticle> unannounced = new ArrayList<>();
    private boolean unrefreshed;
    private long lastRefreshNanos;
    private boolean uncommitted;
    private long lastCommitNanos = System.nanoTime();

    /**
     * @param clientId       names this replica's consumer in broker logs and metrics
     * @param commitInterval how much indexing work a crash may cost at most
     */
    public TaggedArticleIndexer(ArticleIndex index, String bootstrapServers, String clientId, Duration commitInterval) {
        this(index, bootstrapServers, clientId, commitInterval, article -> {});
    }

    /**
     * @param onSearchable told of each article once searches can find it, on the indexing thread; it
     *                     must return quickly, and what it throws is logged, not fatal
     */
    public TaggedArticleIndexer(ArticleIndex index, String bootstrapServers, String clientId, Duration commitInterval,
                                Consumer<TaggedArticle> onSearchable) {
        this.index = index;
        this.onSearchable = onSearchable;
        this.commitInterval = commitInterval;
        this.consumer = new KafkaConsumer<>(
                KafkaSettings.consumer(bootstrapServers, clientId, null),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        this.lag = new ConsumerLag(Metrics.globalRegistry, Topics.TAGGED, clientId);
        this.thread = new Thread(this::run, "search-indexer");
    }

    /** Starts indexing in the background and returns at once. */
    public void start() {
        thread.start();
    }

    /** Whether the indexer is reading; false before {@link #start()}, after {@link #close()}, or once it failed. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Stops reading, commits what was indexed with its offsets, and waits for the thread to end. If the
     * caller is interrupted while waiting, it returns early with its interrupt flag set, and the thread
     * still finishes the commit on its own.
     */
    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            consumer.close();
            lag.close();
            return;
        }
        consumer.wakeup();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (consumer) {
            List<TopicPartition> partitions = awaitPartitions();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            seekToCommitted(partitions);
            while (running) {
                index(consumer.poll(POLL_TIMEOUT));
                lag.update(consumer);
                if (unrefreshed && System.nanoTime() - lastRefreshNanos >= REFRESH_INTERVAL.toNanos()) {
                    refresh();
                }
                if (uncommitted && System.nanoTime() - lastCommitNanos >= commitInterval.toNanos()) {
                    commit();
                }
            }
        } catch (WakeupException e) {
            // close() interrupted a poll or a wait for the topic.
        } catch (IOException | RuntimeException e) {
            LOG.error("Search indexer stopped: {}", e.toString(), e);
        }
        try {
            if (uncommitted) {
                commit();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Search index not committed on stop; articles since the last commit will be read again: {}",
                    e.toString(), e);
        }
        lag.close();
    }

    private List<TopicPartition> awaitPartitions() {
        boolean logged = false;
        while (running) {
            String missing;
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(Topics.TAGGED, TOPIC_RECHECK);
                if (!infos.isEmpty()) {
                    return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                }
                missing = "it does not exist yet";
            } catch (TimeoutException e) {
                missing = "Kafka does not answer yet";
            }
            if (!logged) {
                LOG.info("Waiting for topic {}: {}", Topics.TAGGED, missing);
                logged = true;
            }
            pause(TOPIC_RECHECK);
        }
        return List.of();
    }

    private void seekToCommitted(List<TopicPartition> partitions) {
        Map<TopicPartition, Long> committed = index.committedOffsets();
        for (TopicPartition partition : partitions) {
            Long offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset);
            }
        }
        LOG.info("Indexing {} partitions of {} from offsets {}", partitions.size(), Topics.TAGGED, committed);
    }

    private void index(ConsumerRecords<String, byte[]> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        List<TaggedArticle> indexed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TaggedArticle article = upsert(record);
            if (article != null) {
                indexed.add(article);
            }
            nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
        unannounced.addAll(indexed);
        unrefreshed = true;
        uncommitted = true;
        LOG.debug("Indexed {} of {} records from {}", indexed.size(), records.count(), Topics.TAGGED);
    }

    /** Makes the articles indexed since the last refresh searchable, then says so. */
    private void refresh() throws IOException {
        index.refresh();
        unrefreshed = false;
        lastRefreshNanos = System.nanoTime();
        for (TaggedArticle article : unannounced) {
            try {
                onSearchable.accept(article);
            } catch (RuntimeException e) {
                LOG.warn("Announcing article {} failed: {}", article.id(), e.toString());
            }
        }
        unannounced.clear();
    }

    /** The article indexed from the record, or null when the record was skipped. */
    private TaggedArticle upsert(ConsumerRecord<String, byte[]> record) throws IOException {
        try {
            TaggedArticle article = decoder.deserialize(record.topic(), record.value());
            if (article == null) {
                throw new MalformedRecordException("the record has no value", null);
            }
            index.upsert(article);
            return article;
        } catch (MalformedRecordException | IllegalArgumentException e) {
            LOG.warn("Skipped record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    firstLine(e.getMessage()));
            return null;
        }
    }

    private void commit() throws IOException {
        index.commit(nextOffsets);
        uncommitted = false;
        lastCommitNanos = System.nanoTime();
        LOG.info("Committed search index: {} articles, next offsets {}", index.count(), nextOffsets);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
