package dev.lodestone.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lag gauge reads what the consumer's fetches said, on the consumer's thread. */
class ConsumerLagTest {
    private static final String TOPIC = "lag-test";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @TempDir
    static Path kafkaDir;
    static EmbeddedKafka kafka;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(kafkaDir, 0);
        try (Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "lag-test"))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), "lag-test"),
                new StringSerializer(), new StringSerializer())) {
            for (String deal : List.of("antimony", "copper", "neodymium")) {
                producer.send(new ProducerRecord<>(TOPIC, deal, deal)).get();
            }
        }
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private KafkaConsumer<String, String> oneRecordAtATime() {
        Map<String, Object> props = KafkaSettings.consumer(kafka.bootstrapServers(), "lag-reader", null);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        consumer.assign(List.of(PARTITION));
        consumer.seekToBeginning(List.of(PARTITION));
        return consumer;
    }

    @Test
    void aConsumerThatReadOneOfThreeRecordsIsTwoBehind() {
        try (var consumer = oneRecordAtATime(); var lag = new ConsumerLag(registry, TOPIC, "lag-reader")) {
            while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
                lag.update(consumer);
            }
            lag.update(consumer);

            assertEquals(2, registry.get(ConsumerLag.METER).tags("topic", TOPIC, "consumer", "lag-reader").gauge().value());
        }
    }

    @Test
    void lagIsUnknownBeforeTheFirstFetch() {
        try (var consumer = oneRecordAtATime(); var lag = new ConsumerLag(registry, TOPIC, "lag-reader")) {
            lag.update(consumer);

            assertTrue(Double.isNaN(lag.records()));
        }
    }

    @Test
    void aClosedConsumerReportsNoLag() {
        new ConsumerLag(registry, TOPIC, "gone").close();

        assertNull(registry.find(ConsumerLag.METER).tag("consumer", "gone").gauge());
    }
}
