package dev.lodestone.core;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client settings every service uses, spelled out rather than left to defaults: producers are
 * idempotent with {@code acks=all}; consumers commit explicitly and read only committed records, so a
 * transaction aborted by a crash in analyze is never seen downstream.
 */
public final class KafkaSettings {
    private KafkaSettings() {}

    public static Map<String, Object> producer(String bootstrapServers, String clientId) {
        Map<String, Object> props = common(bootstrapServers, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return props;
    }

    /** A producer for consume-transform-produce: its id must be stable across restarts of the same instance. */
    public static Map<String, Object> transactionalProducer(String bootstrapServers, String clientId, String transactionalId) {
        Map<String, Object> props = producer(bootstrapServers, clientId);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return props;
    }

    public static Map<String, Object> consumer(String bootstrapServers, String clientId, String groupId) {
        Map<String, Object> props = common(bootstrapServers, clientId);
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            // A dead instance's partitions move to the others after this long; Kafka's 45 s default leaves
            // its feeds unpolled and its articles untagged for most of a minute.
            props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
            props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return props;
    }

    public static Map<String, Object> admin(String bootstrapServers, String clientId) {
        return common(bootstrapServers, clientId);
    }

    private static Map<String, Object> common(String bootstrapServers, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return props;
    }
}
