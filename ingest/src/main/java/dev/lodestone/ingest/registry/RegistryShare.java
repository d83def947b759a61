package dev.lodestone.ingest.registry;

import dev.lodestone.core.ConsumerLag;
import dev.lodestone.core.FeedState;
import dev.lodestone.core.Json;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.MalformedRecordException;
import dev.lodestone.core.Topics;
import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This ingest instance's share of the feed registry: the sources whose keys live in the partitions of
 * {@link Topics#FEEDS} that the consumer group {@value #GROUP} assigns to it. Kafka's group protocol does the
 * sharing, so a second instance takes half the sources, and the survivor takes them all back when one dies.
 *
 * <p>On assignment each partition is read from its start (it is compacted: one record per source, small) to
 * the end it had then, and only then are its sources handed to the {@link Listener} with their latest states,
 * so that the first poll of each can follow the schedule its previous owner wrote. Afterwards a source added
 * to an owned partition (by another instance's configuration, or {@code lodestone feeds import}) or removed
 * from it is reported as it happens. The states this instance writes after its own polls (marked with the
 * {@value #WRITER} header) only update what is known; one landing after its source was removed is reported as
 * {@link Listener#strayUpdate stray}, so that the instance can remove the source again.
 *
 * <p>Rebalancing is cooperative: only the partitions that move are revoked, and the instance keeps polling
 * the rest. A crashed instance's partitions move after {@link #SESSION_TIMEOUT}. The listener is called on
 * this class's thread, inside the Kafka consumer's rebalance callbacks: the partitions are handed over only
 * after {@link Listener#revoked} returns, so it must stop the sources (and flush what they published) first.
 */
public final class RegistryShare implements AutoCloseable {
    /** The consumer group every ingest instance joins. */
    public static final String GROUP = "lodestone-ingest";
    /** The header naming the ingest instance that wrote a feed state. */
    public static final String WRITER = "lodestone-writer";
    /** How long a silent instance keeps its sources: long enough for a GC pause, short enough for news. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    /** How often an instance hears of a rebalance: sources move within about two of these. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(RegistryShare.class);

    /** What the instance does with its share; every call comes from the share's thread. */
    public interface Listener {
        /** The sources of partitions now owned, read to their end: each source's URL and latest state. */
        void owned(Map<String, FeedState> latest);

        /** A source added to an owned partition. */
        void added(String url, FeedState state);

        /** A source removed from the registry (its latest record is a tombstone). */
        void removed(String url);

        /** Sources whose partitions move to another instance (or were lost with the group session). */
        void revoked(Set<String> urls);

        /** A state this instance wrote for a source that had been removed meanwhile. */
        void strayUpdate(String url);
    }

    /** What is known of an owned partition: its sources' latest states, and the offset its first read ends at. */
    private static final class Partition {
        final Map<String, FeedState> latest = new HashMap<>();
        final long end;
        boolean read;

        Partition(long end) {
            this.end = end;
        }
    }

    private final String writer;
    private final Listener listener;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ConsumerLag lag;
    private final Map<TopicPartition, Partition> owned = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param writer the name in the {@value #WRITER} header of the states this instance writes */
    public RegistryShare(String bootstrapServers, String writer, Listener listener) {
        this.writer = writer;
        this.listener = listener;
        Map<String, Object> props = KafkaSettings.consumer(bootstrapServers, "lodestone-ingest-registry-" + writer, GROUP);
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) SESSION_TIMEOUT.toMillis());
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) HEARTBEAT.toMillis());
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.lag = new ConsumerLag(Metrics.globalRegistry, Topics.FEEDS, "lodestone-ingest-registry");
        this.thread = new Thread(this::run, "lodestone-ingest-registry");
        thread.setDaemon(true);
    }

    /** Joins the group, in the background. */
    public void start() {
        thread.start();
    }

    /** Leaves the group, revoking every owned source first, so the others take them over at once. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (!thread.isAlive()) {
            consumer.close();
            lag.close();
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.FEEDS), new Rebalance());
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        accept(record);
                    }
                    lag.update(consumer);
                    announceReadPartitions();
                } catch (WakeupException e) {
                    // close(): the loop condition ends it.
                } catch (KafkaException e) {
                    LOG.warn("Feed registry: {}; retrying in {}", e.getMessage(), RETRY);
                    pause();
                }
            }
        } finally {
            consumer.close();
            lag.close();
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        Partition partition = owned.get(new TopicPartition(record.topic(), record.partition()));
        if (partition == null || record.key() == null) {
            return;
        }
        String url = record.key();
        FeedState state;
        try {
            state = record.value() == null ? null : Json.fromBytes(record.value(), FeedState.class);
        } catch (MalformedRecordException e) {
            LOG.warn("Feed registry: skipping malformed state of {} at offset {}: {}", url, record.offset(), e.getMessage());
            return;
        }
        boolean known = partition.latest.containsKey(url);
        if (state == null) {
            partition.latest.remove(url);
            if (partition.read && known) {
                listener.removed(url);
            }
        } else if (!partition.read || known) {
            partition.latest.put(url, state);
        } else if (writtenHere(record)) {
            listener.strayUpdate(url);
        } else {
            partition.latest.put(url, state);
            listener.added(url, state);
        }
    }

    private boolean writtenHere(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(WRITER);
        return header != null && writer.equals(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Hands on the sources of the partitions read to their end since the last call, together. */
    private void announceReadPartitions() {
        Map<String, FeedState> latest = new HashMap<>();
        boolean any = false;
        for (Map.Entry<TopicPartition, Partition> entry : owned.entrySet()) {
            Partition partition = entry.getValue();
            if (!partition.read && consumer.position(entry.getKey()) >= partition.end) {
                partition.read = true;
                latest.putAll(partition.latest);
                any = true;
            }
        }
        if (any) {
            listener.owned(latest);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            running = false;
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            consumer.seekToBeginning(partitions);
            consumer.endOffsets(partitions).forEach((partition, end) -> owned.put(partition, new Partition(end)));
            LOG.info("Feed registry: partitions {} assigned to this instance", numbers(partitions));
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Set<String> urls = new HashSet<>();
            for (TopicPartition partition : partitions) {
                Partition released = owned.remove(partition);
                if (released != null && released.read) {
                    urls.addAll(released.latest.keySet());
                }
            }
            LOG.info("Feed registry: partitions {} leave this instance, with {} sources", numbers(partitions), urls.size());
            listener.revoked(urls);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }

        private static List<Integer> numbers(Collection<TopicPartition> partitions) {
            return partitions.stream().map(TopicPartition::partition).sorted().toList();
        }
    }
}
