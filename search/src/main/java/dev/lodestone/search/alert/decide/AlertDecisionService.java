package dev.lodestone.search.alert.decide;

import dev.lodestone.core.Alert;
import dev.lodestone.core.Json;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.MalformedRecordException;
import dev.lodestone.core.Topics;
import dev.lodestone.core.TransactionalBatch;
import dev.lodestone.search.alert.match.RuleMatch;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns rule matches into alerts, one per (rule, story), and publishes them on the compacted
 * {@link Topics#ALERTS} topic under the same {@code ruleId:storyId} key.
 *
 * <p>Matches and alerts are co-partitioned: the key picks the partition on both topics, which have the same
 * partition count, so the one instance of group {@value #GROUP} that owns a matches partition also owns the
 * alerts partition holding the state of those (rule, story) pairs. On each assignment it reads those alerts
 * partitions to their end before deciding anything, and it publishes alerts in one transaction with the
 * offsets of the matches they came from. So each story alerts once per rule, and a crash or a rebalance
 * neither loses an alert nor publishes one twice.
 */
public final class AlertDecisionService implements AutoCloseable {
    public static final String GROUP = "lodestone-alert-decisions";
    private static final Logger LOG = LoggerFactory.getLogger(AlertDecisionService.class);

    private final String bootstrapServers;
    private final String clientId;
    private final Consumer<String, byte[]> consumer;
    private final Producer<String, Alert> producer;
    /** The latest alert of each (rule, story) in the partitions owned now, by partition and key. */
    private final Map<Integer, Map<String, Alert>> alerts = new HashMap<>();
    private final Thread thread;

    /** @param instanceId stable across restarts of this instance and unique among instances */
    public AlertDecisionService(String bootstrapServers, String instanceId) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = GROUP + "-" + instanceId;
        this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, clientId, GROUP),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(KafkaSettings.transactionalProducer(bootstrapServers, clientId, clientId),
                new StringSerializer(), JsonSerde.serializer());
        this.thread = new Thread(this::run, "alert-decisions");
    }

    public void start() {
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join();
    }

    private void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(Topics.ALERT_MATCHES), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(partition -> alerts.put(partition.partition(), load(partition.partition())));
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(partition -> alerts.remove(partition.partition()));
                }
            });
            while (true) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    decideInOneTransaction(records);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("Alert decisions stopping");
        } catch (KafkaException e) {
            LOG.error("Alert decisions stopped: {}", e.toString(), e);
        } finally {
            producer.close(Duration.ofSeconds(5));
            consumer.close();
        }
    }

    private void decideInOneTransaction(ConsumerRecords<String, byte[]> records) {
        Map<Integer, Map<String, Alert>> before = new HashMap<>();
        records.partitions().forEach(p -> before.put(p.partition(), new HashMap<>(state(p.partition()))));
        if (!TransactionalBatch.process(records, consumer, producer, this::decide)) {
            // The batch is read again: its decisions must be made again from the state before it.
            alerts.putAll(before);
            LOG.warn("Alert decisions aborted, {} matches will be read again", records.count());
        }
    }

    private Map<String, Alert> state(int partition) {
        return alerts.computeIfAbsent(partition, p -> new HashMap<>());
    }

    private void decide(ConsumerRecord<String, byte[]> record) {
        RuleMatch match;
        try {
            match = Json.fromBytes(record.value(), RuleMatch.class);
        } catch (MalformedRecordException | IllegalArgumentException e) {
            LOG.warn("Rule match {} at {}-{} offset {} skipped: {}", record.key(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        Map<String, Alert> state = state(record.partition());
        Optional<Alert> alert = StoryAlerts.decide(match, state.get(match.key()));
        if (alert.isPresent()) {
            state.put(match.key(), alert.get());
            producer.send(new ProducerRecord<>(Topics.ALERTS, match.key(), alert.get()));
            LOG.info("Alert {} ({}): {}", alert.get().id(), alert.get().kind(), alert.get().title());
        }
    }

    /** The latest alert of every (rule, story) in one partition of the alerts topic, read to its end. */
    private Map<String, Alert> load(int partition) {
        TopicPartition alertsPartition = new TopicPartition(Topics.ALERTS, partition);
        Map<String, Alert> state = new HashMap<>();
        try (Consumer<String, byte[]> reader = new KafkaConsumer<>(
                KafkaSettings.consumer(bootstrapServers, clientId + "-state", null),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.assign(List.of(alertsPartition));
            reader.seekToBeginning(List.of(alertsPartition));
            long end = reader.endOffsets(List.of(alertsPartition)).get(alertsPartition);
            while (reader.position(alertsPartition) < end) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        state.remove(record.key());
                        continue;
                    }
                    try {
                        state.put(record.key(), Json.fromBytes(record.value(), Alert.class));
                    } catch (MalformedRecordException e) {
                        LOG.warn("Alert {} at offset {} of {} skipped: {}", record.key(), record.offset(),
                                alertsPartition, e.getMessage());
                    }
                }
            }
        }
        LOG.info("Alert state of {} loaded: {} (rule, story) pairs", alertsPartition, state.size());
        return state;
    }
}
