package dev.lodestone.search.alert;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Sends every record keyed {@code ruleId:...} to the partition of its rule, on {@code lodestone.alert-matches}
 * and {@code lodestone.alerts} alike. The record keeps its full key, so compaction still keeps one alert per
 * (rule, story); but the one decision instance that owns a partition owns whole rules, which a per-rule hourly
 * limit and a per-rule digest need: with the default partitioner a rule's stories would be spread over every
 * instance, each counting its own share of the limit.
 *
 * <p>Set with {@code partitioner.class} on every producer writing those two topics, so they stay co-partitioned.
 */
public final class RulePartitioner implements Partitioner {

    /** The partition of {@code ruleId} among {@code partitions}, as the producers compute it. */
    public static int partitionOf(String ruleId, int partitions) {
        return Utils.toPositive(Utils.murmur2(ruleId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The rule id a key starts with: the key up to its first colon, or the whole key. */
    public static String ruleOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes,
                         Cluster cluster) {
        if (!(key instanceof String text)) {
            throw new IllegalArgumentException("records on " + topic + " need a ruleId:... key, not " + key);
        }
        return partitionOf(ruleOf(text), cluster.partitionCountForTopic(topic));
    }

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public void close() {}
}
