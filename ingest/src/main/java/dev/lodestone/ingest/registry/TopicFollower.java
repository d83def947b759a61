package dev.lodestone.ingest.registry;

import dev.lodestone.core.ConsumerLag;
import dev.lodestone.core.Json;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.KafkaUnavailableException;
import dev.lodestone.core.MalformedRecordException;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole topic from its start and then keeps reading it, on a thread of its own, without joining a
 * consumer group: how every ingest instance learns what all of them published, so that a source moving from
 * one instance to another does not publish its old articles again. {@link #awaitCaughtUp} is the
 * synchronisation point: it returns once everything on the topic when it was called has been handed on.
 *
 * <p>Like {@link TopicSnapshot}, a record that is not valid JSON for the type is logged and skipped, and a
 * tombstone is passed on as null. A broker that goes away is retried, never fatal. How far behind the end it
 * is shows as its {@link ConsumerLag}.
 *
 * @param <T> the type of the topic's values
 */
public final class TopicFollower<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String topic;
    private final Class<T> type;
    private final BiConsumer<String, T> each;
    private final KafkaConsumer<String, byte[]> consumer;
    private final ConsumerLag lag;
    private final Queue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** @param each receives every record's key and value (null for a tombstone), in offset order per partition */
    public TopicFollower(String bootstrapServers, String clientId, String topic, Class<T> type, BiConsumer<String, T> each) {
        this.topic = topic;
        this.type = type;
        this.each = each;
        this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, clientId, null),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.lag = new ConsumerLag(Metrics.globalRegistry, topic, clientId);
        this.thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
    }

    /**
     * Starts reading from the beginning of every partition, in the background.
     *
     * @throws KafkaUnavailableException when the topic's partitions cannot be learned
     */
    public void start() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("could not follow " + topic + ": " + e.getMessage(), e);
        }
        thread.start();
    }

    /**
     * Waits until every record on the topic at the time of the call has been handed on.
     *
     * @return false when that did not happen within the timeout
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        catchUpRequests.add(caughtUp);
        consumer.wakeup();
        try {
            caughtUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
    }

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
            thread.join(METADATA_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Map<CompletableFuture<Void>, Map<TopicPartition, Long>> waiting = new HashMap<>();
        try {
            while (running) {
                try {
                    for (CompletableFuture<Void> request; (request = catchUpRequests.peek()) != null; ) {
                        waiting.put(request, consumer.endOffsets(consumer.assignment()));
                        catchUpRequests.remove();
                    }
                    completeReached(waiting);
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        accept(record);
                    }
                    lag.update(consumer);
                    completeReached(waiting);
                } catch (WakeupException e) {
                    // A catch-up request or close: the queue and the loop condition say which.
                } catch (KafkaException e) {
                    LOG.warn("Following {}: {}; retrying in {}", topic, e.getMessage(), RETRY);
                    sleep();
                }
            }
        } finally {
            consumer.close();
            lag.close();
        }
    }

    private void completeReached(Map<CompletableFuture<Void>, Map<TopicPartition, Long>> waiting) {
        waiting.entrySet().removeIf(request -> {
            boolean done = reached(request.getValue());
            if (done) {
                request.getKey().complete(null);
            }
            return done;
        });
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            each.accept(record.key(), null);
            return;
        }
        try {
            each.accept(record.key(), Json.fromBytes(record.value(), type));
        } catch (MalformedRecordException e) {
            LOG.warn("Skipping malformed record {} at {}-{}@{}: {}", record.key(), record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            running = false;
        }
    }
}
