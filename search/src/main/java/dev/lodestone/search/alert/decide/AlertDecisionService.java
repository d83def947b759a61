package dev.lodestone.search.alert.decide;

import dev.lodestone.core.Alert;
import dev.lodestone.core.ConsumerLag;
import dev.lodestone.core.Json;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.MalformedRecordException;
import dev.lodestone.core.Topics;
import dev.lodestone.core.TransactionalBatch;
import dev.lodestone.search.alert.AlertRuleReader;
import dev.lodestone.search.alert.RulePartitioner;
import dev.lodestone.search.alert.match.RuleMatch;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns rule matches into alerts, one per (rule, story), paces them by their rule, and publishes them on the
 * compacted {@link Topics#ALERTS} topic under the same {@code ruleId:storyId} key.
 *
 * <p>Matches and alerts are co-partitioned by rule ({@link RulePartitioner}), so the one instance of group
 * {@value #GROUP} that owns a matches partition owns whole rules: the state of their (rule, story) pairs and
 * their {@linkplain AlertPacer pace}. On each assignment it reads those alerts partitions to their end before
 * deciding anything, and it publishes alerts in one transaction with the offsets of the matches they came from.
 * So each story alerts once per rule, and a crash or a rebalance neither loses an alert nor publishes one twice.
 *
 * <p>Pacing is written on the alerts ({@link Alert#pacing()}): an alert over its rule's hourly limit is published
 * as held and published again, without the mark, when an hour has room; a digest rule's alerts are published
 * as pending and marked digested when their digest goes out. Between polls the service publishes whatever has
 * come due, in a transaction of its own. Since every verdict is on the topic, a restart holds back exactly what
 * was held back before.
 */
public final class AlertDecisionService implements AutoCloseable {
    public static final String GROUP = "lodestone-alert-decisions";
    private static final Logger LOG = LoggerFactory.getLogger(AlertDecisionService.class);
    private static final Duration RULES_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> PUSHED_KINDS = Set.of(StoryAlerts.NEW, StoryAlerts.UPDATED);
    private static final Timer PUBLISHED_TO_ALERT = Timer.builder("lodestone.alerts.latency")
            .description("From an article's publication to its alert, as published on lodestone.alerts")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofDays(1))
            .register(Metrics.globalRegistry);

    private final String bootstrapServers;
    private final String clientId;
    private final AlertRuleReader rules;
    private final Clock clock;
    private final Consumer<String, byte[]> consumer;
    private final Producer<String, Alert> producer;
    /** The latest alert of each (rule, story) in the partitions owned now, by partition and key. */
    private final Map<Integer, Map<String, Alert>> alerts = new HashMap<>();
    /** The current batch's alerts by (rule, story) key, to publish when it ends; see {@link #queue}. */
    private final Map<String, Alert> unpublished = new LinkedHashMap<>();
    private final Map<Integer, AlertPacer> pacers = new HashMap<>();
    /** The partitions owned now and how many there are, for {@link #decidesFor}, read from other threads. */
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private volatile int partitionCount;
    private final ConsumerLag lag = new ConsumerLag(Metrics.globalRegistry, Topics.ALERT_MATCHES, GROUP);
    private final Thread thread;

    /**
     * @param instanceId stable across restarts of this instance and unique among instances
     * @param rules      the rules as they are now, for pacing what was held before a restart
     */
    public AlertDecisionService(String bootstrapServers, String instanceId, AlertRuleReader rules, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = GROUP + "-" + instanceId;
        this.rules = rules;
        this.clock = clock;
        this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, clientId, GROUP),
                new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerSettings = KafkaSettings.transactionalProducer(bootstrapServers, clientId, clientId);
        producerSettings.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, RulePartitioner.class);
        this.producer = new KafkaProducer<>(producerSettings, new StringSerializer(), JsonSerde.serializer());
        this.thread = new Thread(this::run, "alert-decisions");
    }

    public void start() {
        thread.start();
    }

    /**
     * Whether this instance decides the alerts of rule {@code ruleId} now: exactly one instance of the group
     * does, outside a rebalance. Alerts made elsewhere for a rule (coverage gaps) are published by that one
     * instance, so every replica can watch for them while the topic gets each once. Thread-safe.
     */
    public boolean decidesFor(String ruleId) {
        int count = partitionCount;
        return count > 0 && owned.contains(RulePartitioner.partitionOf(ruleId, count));
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join();
    }

    private void run() {
        try {
            while (!rules.awaitCaughtUp(RULES_TIMEOUT)) {
                LOG.warn("Alert rules still not read after {}; alert decisions wait for them", RULES_TIMEOUT);
            }
            producer.initTransactions();
            consumer.subscribe(List.of(Topics.ALERT_MATCHES), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitionCount = consumer.partitionsFor(Topics.ALERT_MATCHES).size();
                    partitions.forEach(partition -> {
                        reload(partition.partition());
                        owned.add(partition.partition());
                    });
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(partition -> {
                        owned.remove(partition.partition());
                        alerts.remove(partition.partition());
                        pacers.remove(partition.partition());
                    });
                }
            });
            while (true) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                lag.update(consumer);
                if (!records.isEmpty()) {
                    decideInOneTransaction(records);
                }
                publishDue();
            }
        } catch (WakeupException e) {
            LOG.debug("Alert decisions stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (KafkaException e) {
            LOG.error("Alert decisions stopped: {}", e.toString(), e);
        } finally {
            lag.close();
            producer.close(Duration.ofSeconds(5));
            consumer.close();
        }
    }

    private void decideInOneTransaction(ConsumerRecords<String, byte[]> records) {
        unpublished.clear();
        if (!TransactionalBatch.process(records, consumer, producer, this::decide, this::publishBatch)) {
            // The batch is read again: its decisions must be made again from the state before it.
            records.partitions().forEach(partition -> reload(partition.partition()));
            LOG.warn("Alert decisions aborted, {} matches will be read again", records.count());
        }
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
        Optional<Alert> decided = StoryAlerts.decide(match, state.get(match.key()));
        if (decided.isEmpty()) {
            return;
        }
        Alert alert = decided.get();
        if (alert.pacing() == null) {
            alert = alert.with(alert.kind(), pacer(record.partition()).offer(match.rule(), alert));
        }
        state.put(match.key(), alert);
        queue(match.key(), alert);
        if (!StoryAlerts.COPY.equals(alert.kind())) {
            recordLatency(alert);
        }
        LOG.info("Alert {} ({}{}): {}", alert.id(), alert.kind(), alert.pacing() == null ? "" : ", " + alert.pacing(),
                alert.title());
    }

    /**
     * Holds {@code alert} until the batch ends, in place of what the batch decided before for its (rule, story)
     * when the alert only adds copies to it: a story carried by a hundred outlets would otherwise publish its
     * growing alert a hundred times, a quadratic cost to every reader of the topic, while the batches it comes
     * in grow exactly when that cost would make alerting fall behind. A new alert joined by copies in the same
     * batch stays new, so it is delivered as such; an update is published before the copies that follow it.
     */
    private void queue(String key, Alert alert) {
        Alert waiting = unpublished.remove(key);
        if (waiting != null && StoryAlerts.COPY.equals(alert.kind()) && waiting.id().equals(alert.id())) {
            alert = alert.with(waiting.kind(), alert.pacing());
        } else if (waiting != null) {
            send(key, waiting);
        }
        unpublished.put(key, alert);
    }

    private void publishBatch() {
        unpublished.forEach(this::send);
        unpublished.clear();
    }

    /**
     * Publishes the held alerts an hour now has room for, and the digests of periods now closed, with their
     * alerts marked digested: all in one transaction, re-read from the topic if it fails.
     */
    private void publishDue() {
        Map<Integer, AlertPacer.Due> due = new HashMap<>();
        pacers.forEach((partition, pacer) -> {
            AlertPacer.Due now = pacer.due();
            if (!now.isEmpty()) {
                due.put(partition, now);
            }
        });
        if (due.isEmpty()) {
            return;
        }
        producer.beginTransaction();
        try {
            due.forEach((partition, now) -> {
                Map<String, Alert> state = state(partition);
                now.released().forEach(held -> release(state, held));
                now.digests().forEach(digest -> sendDigest(state, digest));
            });
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            producer.abortTransaction();
            due.keySet().forEach(this::reload);
            LOG.warn("Paced alerts not published, will try again: {}", e.toString());
        }
    }

    private void release(Map<String, Alert> state, Alert held) {
        String key = keyOf(held);
        Alert current = state.get(key);
        if (current != null && current.id().equals(held.id()) && Alert.HELD.equals(current.pacing())) {
            publish(state, key, current.with(held.kind(), null));
            LOG.info("Alert {} ({}) released from its rule's hourly limit: {}", current.id(), held.kind(),
                    current.title());
        }
    }

    private void sendDigest(Map<String, Alert> state, AlertPacer.Digest digest) {
        List<Alert> pending = new ArrayList<>();
        for (Alert offered : digest.alerts()) {
            Alert current = state.get(keyOf(offered));
            if (current != null && current.id().equals(offered.id())
                    && Alert.DIGEST_PENDING.equals(current.pacing())) {
                pending.add(current);
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        Alert summary = AlertPacer.digest(digest.rule(), digest.start(), pending);
        publish(state, summary.id(), summary);
        pending.forEach(alert -> publish(state, keyOf(alert), alert.with(alert.kind(), Alert.DIGESTED)));
        LOG.info("Digest {}: {}", summary.id(), summary.title());
    }

    private void publish(Map<String, Alert> state, String key, Alert alert) {
        state.put(key, alert);
        send(key, alert);
    }

    /** Publishes an alert stamped with this service's clock, the time its pacer counts by after a restart. */
    private void send(String key, Alert alert) {
        producer.send(new ProducerRecord<>(Topics.ALERTS, null, clock.millis(), key, alert));
        Metrics.counter("lodestone.alerts.published", "kind", alert.kind(),
                "pacing", alert.pacing() == null ? "none" : alert.pacing()).increment();
    }

    private static void recordLatency(Alert alert) {
        if (alert.timeline() != null && alert.timeline().published() != null && alert.timeline().matched() != null) {
            Duration latency = Duration.between(alert.timeline().published(), alert.timeline().matched());
            if (!latency.isNegative()) {
                PUBLISHED_TO_ALERT.record(latency);
            }
        }
    }

    private Map<String, Alert> state(int partition) {
        return alerts.computeIfAbsent(partition, p -> new HashMap<>());
    }

    private AlertPacer pacer(int partition) {
        return pacers.computeIfAbsent(partition, p -> new AlertPacer(clock));
    }

    /** The (rule, story) key an alert is published under. */
    private static String keyOf(Alert alert) {
        return alert.ruleId() + ":" + alert.storyId();
    }

    /** Reads one partition's alerts to their end and gives its pacer back what it held and what it pushed. */
    private void reload(int partition) {
        Loaded loaded = load(partition);
        alerts.put(partition, loaded.latest());
        AlertPacer pacer = new AlertPacer(clock);
        loaded.latest().values().stream()
                .filter(alert -> alert.timeline() != null && alert.timeline().matched() != null)
                .sorted(Comparator.comparing((Alert alert) -> alert.timeline().matched()))
                .forEach(alert -> rules.rule(alert.ruleId()).ifPresent(rule -> pacer.restore(rule, alert)));
        loaded.pushes().forEach((ruleId, times) -> rules.rule(ruleId)
                .ifPresent(rule -> times.forEach(at -> pacer.restorePushed(rule, at))));
        pacers.put(partition, pacer);
    }

    /**
     * One partition of the alerts topic as a restart finds it.
     *
     * @param latest the latest alert of every (rule, story)
     * @param pushes when each alert was pushed to webhooks (published as new or updated, unpaced), by rule: an
     *               alert released from hold counts at its release, and a copy joining it later does not hide it
     */
    private record Loaded(Map<String, Alert> latest, Map<String, List<Instant>> pushes) {}

    /** Reads one partition of the alerts topic to its end. */
    private Loaded load(int partition) {
        TopicPartition alertsPartition = new TopicPartition(Topics.ALERTS, partition);
        Map<String, Alert> latest = new HashMap<>();
        Map<String, List<Instant>> pushes = new HashMap<>();
        try (Consumer<String, byte[]> reader = new KafkaConsumer<>(
                KafkaSettings.consumer(bootstrapServers, clientId + "-state", null),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.assign(List.of(alertsPartition));
            reader.seekToBeginning(List.of(alertsPartition));
            long end = reader.endOffsets(List.of(alertsPartition)).get(alertsPartition);
            while (reader.position(alertsPartition) < end) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                        continue;
                    }
                    Alert alert;
                    try {
                        alert = Json.fromBytes(record.value(), Alert.class);
                    } catch (MalformedRecordException e) {
                        LOG.warn("Alert {} at offset {} of {} skipped: {}", record.key(), record.offset(),
                                alertsPartition, e.getMessage());
                        continue;
                    }
                    latest.put(record.key(), alert);
                    if (alert.pacing() == null && PUSHED_KINDS.contains(alert.kind())) {
                        pushes.computeIfAbsent(alert.ruleId(), rule -> new ArrayList<>())
                                .add(Instant.ofEpochMilli(record.timestamp()));
                    }
                }
            }
        }
        LOG.info("Alert state of {} loaded: {} (rule, story) pairs", alertsPartition, latest.size());
        return new Loaded(latest, pushes);
    }
}
