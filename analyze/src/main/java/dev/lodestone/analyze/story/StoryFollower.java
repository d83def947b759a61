package dev.lodestone.analyze.story;

import dev.lodestone.core.ConsumerLag;
import dev.lodestone.core.Json;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.MalformedRecordException;
import dev.lodestone.core.Topics;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link StoryClusterer} in step with {@link Topics#STORIES}, where every analyze instance publishes
 * the signature of each article it assigns. At start it replays the topic, so the story state survives a
 * restart; afterwards it picks up the other instances' signatures, since copies of one story are keyed by
 * different URLs and land on different instances.
 *
 * <p>It reads every partition without a consumer group: each instance needs all of it. Not thread-safe;
 * call it from the thread that owns the clusterer.
 */
public final class StoryFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoryFollower.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final StoryClusterer clusterer;
    private final ConsumerLag lag = new ConsumerLag(Metrics.globalRegistry, Topics.STORIES, "lodestone-analyze-stories");

    public StoryFollower(String bootstrapServers, String clientId, StoryClusterer clusterer) {
        this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, clientId, null),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.clusterer = clusterer;
    }

    /** Assigns every partition and replays the topic to its current end; returns the signatures remembered. */
    public int catchUp() {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(Topics.STORIES).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        int remembered = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            remembered += apply(Duration.ofMillis(200));
        }
        LOG.info("Stories: restored {} signatures from {}", remembered, Topics.STORIES);
        return remembered;
    }

    /** Applies whatever other instances published since the last call, without waiting. */
    public int follow() {
        return apply(Duration.ZERO);
    }

    private int apply(Duration wait) {
        int remembered = 0;
        ConsumerRecords<String, byte[]> records = consumer.poll(wait);
        lag.update(consumer);
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                if (clusterer.remember(Json.fromBytes(record.value(), StorySignature.class))) {
                    remembered++;
                }
            } catch (MalformedRecordException | IllegalArgumentException e) {
                LOG.warn("Skipped story signature {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        return remembered;
    }

    @Override
    public void close() {
        lag.close();
        consumer.close();
    }
}
