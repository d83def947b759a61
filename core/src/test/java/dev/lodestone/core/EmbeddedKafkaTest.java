package dev.lodestone.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {
    @TempDir
    Path data;

    @Test
    void recordsSurviveARestartOnTheSameFolder() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data, 0)) {
            try (Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "test"))) {
                Topics.ensureExist(admin, 1);
            }
            try (var producer = new KafkaProducer<>(KafkaSettings.producer(kafka.bootstrapServers(), "test"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES, "k", "before restart")).get();
            }
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(data, 0)) {
            assertEquals(List.of("before restart"), readAll(kafka.bootstrapServers(), Topics.ARTICLES, 1));
        }
    }

    @Test
    void theSweepForHangingTransactionsLooksAtConsumerOffsetsToo() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data, 0);
             Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "test"))) {
            Topics.ensureExist(admin, 1);
            try (var consumer = new KafkaConsumer<>(KafkaSettings.consumer(kafka.bootstrapServers(), "test", "a-group"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(Topics.ARTICLES));
                consumer.poll(Duration.ofSeconds(2));
                consumer.commitSync();
            }

            List<String> swept = HangingTransactions.everyPartition(admin).stream().map(Object::toString).toList();

            assertTrue(swept.contains("__consumer_offsets-0"), swept::toString);
            assertTrue(swept.contains(Topics.ARTICLES + "-0"), swept::toString);
        }
    }

    @Test
    void aSecondBrokerOnTheSameFolderIsRefused() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data, 0)) {
            DataFolderInUseException e = assertThrows(DataFolderInUseException.class, () -> EmbeddedKafka.start(data, 0));
            assertTrue(e.getMessage().contains("in use by another Lodestone process"), e.getMessage());
        }
    }

    @Test
    void aTakenPortIsRefusedWithThePortNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PortInUseException e = assertThrows(PortInUseException.class,
                    () -> EmbeddedKafka.start(data, taken.getLocalPort()));
            assertTrue(e.getMessage().contains(String.valueOf(taken.getLocalPort())), e.getMessage());
        }
        // The refused start released the folder.
        EmbeddedKafka.start(data, 0).close();
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrap, "test", "test-reader"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
