package dev.lodestone.search;

import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishing to a real broker the way analyze does, for the indexing tests. */
public final class TestKafka {
    private TestKafka() {}

    public static void createTopics(String bootstrapServers) throws InterruptedException {
        try (Admin admin = Admin.create(KafkaSettings.admin(bootstrapServers, "search-test-admin"))) {
            Topics.ensureExist(admin, 3);
        }
    }

    /** Publishes the articles on {@link Topics#TAGGED}, keyed by id, and waits until the broker has them. */
    public static void publish(String bootstrapServers, List<TaggedArticle> articles)
            throws InterruptedException, ExecutionException {
        try (Producer<String, TaggedArticle> producer = new KafkaProducer<>(
                KafkaSettings.producer(bootstrapServers, "search-test"), new StringSerializer(), JsonSerde.serializer())) {
            for (TaggedArticle article : articles) {
                producer.send(new ProducerRecord<>(Topics.TAGGED, article.id(), article)).get();
            }
        }
    }

    /** Publishes bytes that need not be a valid record on {@link Topics#TAGGED}. */
    public static void publishRaw(String bootstrapServers, String key, byte[] value)
            throws InterruptedException, ExecutionException {
        try (Producer<String, byte[]> producer = new KafkaProducer<>(
                KafkaSettings.producer(bootstrapServers, "search-test"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.TAGGED, key, value)).get();
        }
    }
}
