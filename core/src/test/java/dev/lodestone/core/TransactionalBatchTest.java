package dev.lodestone.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionalBatchTest {
    @TempDir
    Path data;

    @Test
    void aFailedBatchPublishesNothingAndIsReadAgain() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data, 0)) {
            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = Admin.create(KafkaSettings.admin(bootstrap, "test"))) {
                Topics.ensureExist(admin, 1);
            }
            try (var input = new KafkaProducer<>(KafkaSettings.producer(bootstrap, "test"),
                    new StringSerializer(), new StringSerializer())) {
                input.send(new ProducerRecord<>(Topics.ARTICLES, "a", "first")).get();
                input.send(new ProducerRecord<>(Topics.ARTICLES, "b", "second")).get();
            }
            try (var consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrap, "test", "stage"),
                    new StringDeserializer(), new StringDeserializer());
                 var producer = new KafkaProducer<>(KafkaSettings.transactionalProducer(bootstrap, "stage", "stage-1"),
                         new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                consumer.subscribe(List.of(Topics.ARTICLES));
                ConsumerRecords<String, String> batch = pollUntil(consumer, 2);

                boolean committed = TransactionalBatch.process(batch, consumer, producer, record -> {
                    producer.send(new ProducerRecord<>(Topics.TAGGED, record.key(), record.value().toUpperCase()));
                    if (record.key().equals("b")) {
                        throw new KafkaException("broker went away mid-batch");
                    }
                });
                assertFalse(committed);

                ConsumerRecords<String, String> again = pollUntil(consumer, 2);
                assertTrue(TransactionalBatch.process(again, consumer, producer, record ->
                        producer.send(new ProducerRecord<>(Topics.TAGGED, record.key(), record.value().toUpperCase()))));
            }
            assertEquals(List.of("FIRST", "SECOND"), readCommitted(bootstrap));
        }
    }

    private static ConsumerRecords<String, String> pollUntil(KafkaConsumer<String, String> consumer, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
            if (records.count() >= count) {
                return records;
            }
            if (!records.isEmpty()) {
                throw new AssertionError("expected one batch of " + count + ", got " + records.count());
            }
        }
        throw new AssertionError("no batch of " + count + " records within 30 s");
    }

    private static List<String> readCommitted(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (var reader = new KafkaConsumer<>(KafkaSettings.consumer(bootstrap, "reader", "reader"),
                new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of(Topics.TAGGED));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
