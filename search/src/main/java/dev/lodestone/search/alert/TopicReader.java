package dev.lodestone.search.alert;

import dev.lodestone.core.ConsumerLag;
import dev.lodestone.core.KafkaSettings;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of one topic from its beginning, with no consumer group, on a thread of its own: the
 * way each instance rebuilds state that every instance must hold in full (the rules, the alerts, the feeds'
 * health) from a compacted topic. A topic that does not exist yet is waited for, since the application creates
 * the topics while services start.
 *
 * <p>The handler is called after every poll, with the records it brought (often none), so a handler can also
 * act on the passing of time.
 */
final class TopicReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long TOPIC_RETRY_MILLIS = 200;

    /** Told of each poll's records, on the reader's thread; {@code caughtUp} once the start's end is reached. */
    interface Handler {
        void polled(ConsumerRecords<String, byte[]> records, boolean caughtUp);
    }

    private final String topic;
    private final Handler handler;
    private final Consumer<String, byte[]> consumer;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private final ConsumerLag lag;
    private volatile boolean neverWritten;

    TopicReader(String bootstrapServers, String clientId, String topic, Handler handler) {
        this.topic = topic;
        this.handler = handler;
        this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, clientId, null),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "reader-" + topic);
        this.lag = new ConsumerLag(Metrics.globalRegistry, topic, "lodestone-search-reader");
    }

    void start() {
        thread.start();
    }

    /** Waits until the records present at start have been handled; false on timeout. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Whether the topic had never held a record when reading started; meaningful once caught up. */
    boolean neverWritten() {
        return neverWritten;
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            neverWritten = end.values().stream().allMatch(offset -> offset == 0);
            while (true) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                lag.update(consumer);
                if (caughtUp.getCount() > 0 && end.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    handler.polled(records, true);
                    caughtUp.countDown();
                    LOG.info("Read {} up to where it stood at start", topic);
                } else {
                    handler.polled(records, caughtUp.getCount() == 0);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("Reader of {} stopping", topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (KafkaException e) {
            LOG.error("Reader of {} stopped: {}", topic, e.toString(), e);
        } finally {
            lag.close();
            consumer.close();
        }
    }

    private List<TopicPartition> awaitPartitions() throws InterruptedException {
        boolean told = false;
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (!told) {
                LOG.info("Topic {} does not exist yet; waiting for it", topic);
                told = true;
            }
            Thread.sleep(TOPIC_RETRY_MILLIS);
        }
    }
}
