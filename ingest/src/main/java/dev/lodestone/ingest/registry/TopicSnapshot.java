package dev.lodestone.ingest.registry;

import dev.lodestone.core.Json;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.KafkaUnavailableException;
import dev.lodestone.core.MalformedRecordException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole topic, from the start to the end it had when the read began, without joining a consumer
 * group: how the feed registry is listed and how ingest remembers at start what it already published.
 * A record that is not valid JSON for the type is logged and skipped; a tombstone is passed on as null.
 */
public final class TopicSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSnapshot.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicSnapshot() {}

    /**
     * @param each receives every record's key and value (null for a tombstone), in offset order per partition
     * @throws KafkaUnavailableException when the topic cannot be read to its end within 30 seconds
     */
    public static <T> void read(String bootstrapServers, String topic, Class<T> type, BiConsumer<String, T> each) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                KafkaSettings.consumer(bootstrapServers, "lodestone-snapshot-" + topic, null),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new KafkaUnavailableException("could not read " + topic + " to its end within " + TIMEOUT, null);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    accept(record, type, each);
                }
            }
        } catch (KafkaException e) {
            throw new KafkaUnavailableException("could not read " + topic + ": " + e.getMessage(), e);
        }
    }

    private static <T> void accept(ConsumerRecord<String, byte[]> record, Class<T> type, BiConsumer<String, T> each) {
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

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
