package dev.lodestone.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * Consume-transform-produce, exactly once: what a batch of records produces is published in one Kafka
 * transaction together with the offsets that consumed them, so a crash publishes both or neither.
 *
 * <p>When the transaction fails it is aborted and the consumer is sent back to the group's committed offsets,
 * so the batch is read again instead of being skipped. A producer that cannot abort (fenced by a newer
 * instance with the same transactional id) ends the caller's loop with the exception.
 */
public final class TransactionalBatch {
    private TransactionalBatch() {}

    /** What one record produces, sent through the batch's producer. */
    @FunctionalInterface
    public interface RecordHandler<K, V> {
        void handle(ConsumerRecord<K, V> record);
    }

    /**
     * Runs {@code each} on every record inside one transaction of {@code producer} and commits the batch.
     *
     * @return whether the batch was committed; false when it was aborted and will be read again
     */
    public static <K, V> boolean process(ConsumerRecords<K, V> records, Consumer<K, V> consumer,
                                         Producer<?, ?> producer, RecordHandler<K, V> each) {
        return process(records, consumer, producer, each, () -> {});
    }

    /**
     * As {@link #process(ConsumerRecords, Consumer, Producer, RecordHandler)}, with {@code afterAll} run once
     * every record is handled and before the commit: for a handler that sends what the whole batch decided
     * rather than what each record did.
     */
    public static <K, V> boolean process(ConsumerRecords<K, V> records, Consumer<K, V> consumer,
                                         Producer<?, ?> producer, RecordHandler<K, V> each, Runnable afterAll) {
        producer.beginTransaction();
        try {
            Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
            for (ConsumerRecord<K, V> record : records) {
                each.handle(record);
                next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
            }
            afterAll.run();
            producer.sendOffsetsToTransaction(next, consumer.groupMetadata());
            producer.commitTransaction();
            return true;
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            producer.abortTransaction();
            rewindToCommitted(records, consumer);
            return false;
        }
    }

    private static <K, V> void rewindToCommitted(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(records.partitions());
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset.offset());
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
    }
}
