package dev.lodestone.search.alert;

import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A real Kafka for the alert tests, with the project's topics, and small helpers to write and read them. */
public final class TestBroker implements AutoCloseable {
    private final EmbeddedKafka kafka;

    private TestBroker(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    public static TestBroker start(Path dir) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);
        try (Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "alert-test-admin"))) {
            Topics.ensureExist(admin, 3);
        }
        return new TestBroker(kafka);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Publishes {@code value} (null: a tombstone) under {@code key} and waits until the broker has it. */
    public void publish(String topic, String key, Object value) throws Exception {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
                KafkaSettings.producer(bootstrapServers(), "alert-test"), new StringSerializer(), JsonSerde.serializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Every committed record of {@code topic} now, decoded as {@code type}, partition by partition. */
    public <T> List<T> readAll(String topic, Class<T> type) {
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(
                KafkaSettings.consumer(bootstrapServers(), "alert-test-reader", null),
                new StringDeserializer(), JsonSerde.deserializer(type))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<T> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
