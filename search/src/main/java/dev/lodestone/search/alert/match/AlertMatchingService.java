package dev.lodestone.search.alert.match;

import dev.lodestone.core.AlertRule;
import dev.lodestone.core.ConsumerLag;
import dev.lodestone.core.Json;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.MalformedRecordException;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import dev.lodestone.core.TransactionalBatch;
import dev.lodestone.search.alert.AlertRuleReader;
import dev.lodestone.search.alert.RulePartitioner;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches every tagged article against the alert rules and publishes each {@link RuleMatch} on
 * {@link Topics#ALERT_MATCHES}, keyed by {@code ruleId:storyId} and partitioned by rule ({@link RulePartitioner}).
 *
 * <p>All search replicas share the consumer group {@value #GROUP}, so each article is matched by one of them.
 * The matches of a batch and the batch's offsets are committed in one Kafka transaction: after a crash the
 * batch is matched again and the aborted matches are never seen downstream, so nothing is lost and nothing
 * is published twice. Matching starts only once the rules present at start are loaded, so a restart does not
 * let articles slip past rules it has not read yet. An article that cannot be read is logged and skipped.
 */
public final class AlertMatchingService implements AutoCloseable {
    public static final String GROUP = "lodestone-alert-matching";
    private static final Logger LOG = LoggerFactory.getLogger(AlertMatchingService.class);
    private static final Duration RULES_TIMEOUT = Duration.ofSeconds(60);

    private final AlertRuleReader rules;
    private final AlertMatcher matcher;
    private final Clock clock;
    private final Consumer<String, byte[]> consumer;
    private final Producer<String, RuleMatch> producer;
    private final ConsumerLag lag = new ConsumerLag(Metrics.globalRegistry, Topics.TAGGED, GROUP);
    private final Thread thread;

    /**
     * @param instanceId stable across restarts of this instance and unique among instances: it names the
     *                   transactional producer, so that a restarted instance fences its own zombie
     */
    public AlertMatchingService(String bootstrapServers, String instanceId, AlertRuleReader rules,
                                AlertMatcher matcher, Clock clock) {
        this.rules = rules;
        this.matcher = matcher;
        this.clock = clock;
        this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, GROUP + "-" + instanceId, GROUP),
                new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerSettings = KafkaSettings.transactionalProducer(bootstrapServers,
                GROUP + "-" + instanceId, GROUP + "-" + instanceId);
        producerSettings.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, RulePartitioner.class);
        this.producer = new KafkaProducer<>(producerSettings, new StringSerializer(), JsonSerde.serializer());
        this.thread = new Thread(this::run, "alert-matching");
        rules.addListener(this::apply);
    }

    private void apply(Map<String, AlertRule> changed) {
        List<AlertRule> updated = new ArrayList<>();
        changed.forEach((ruleId, rule) -> {
            if (rule == null) {
                matcher.delete(ruleId);
                LOG.info("Alert rule {} deleted", ruleId);
            } else {
                updated.add(rule);
            }
        });
        for (InvalidRuleException refused : matcher.registerAll(updated)) {
            LOG.warn("Alert rule refused, its previous version (if any) stays: {}", refused.getMessage());
        }
        LOG.info("Alert rules changed: {}; {} active", changed.size(), matcher.rules().size());
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
            if (!rules.awaitCaughtUp(RULES_TIMEOUT)) {
                LOG.warn("Alert rules not loaded after {}; matching against the {} read so far", RULES_TIMEOUT,
                        matcher.rules().size());
            }
            producer.initTransactions();
            consumer.subscribe(List.of(Topics.TAGGED));
            while (true) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                lag.update(consumer);
                if (!records.isEmpty()) {
                    matchInOneTransaction(records);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("Alert matching stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (KafkaException e) {
            LOG.error("Alert matching stopped: {}", e.toString(), e);
        } finally {
            lag.close();
            producer.close(Duration.ofSeconds(5));
            consumer.close();
        }
    }

    private void matchInOneTransaction(ConsumerRecords<String, byte[]> records) {
        int[] published = {0};
        if (TransactionalBatch.process(records, consumer, producer, record -> published[0] += match(record))) {
            LOG.info("Matched {} articles against {} rules: {} matches", records.count(), matcher.rules().size(),
                    published[0]);
        } else {
            LOG.warn("Alert matching aborted, {} articles will be read again", records.count());
        }
    }

    /** Publishes the rules an article matches; returns how many. */
    private int match(ConsumerRecord<String, byte[]> record) {
        TaggedArticle article;
        try {
            article = Json.fromBytes(record.value(), TaggedArticle.class);
        } catch (MalformedRecordException | IllegalArgumentException e) {
            LOG.warn("Tagged article {} at {}-{} offset {} skipped: {}", record.key(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return 0;
        }
        List<RuleMatch> matches = matcher.match(article, clock.instant());
        for (RuleMatch match : matches) {
            producer.send(new ProducerRecord<>(Topics.ALERT_MATCHES, match.key(), match));
            LOG.debug("Rule {} matched article {} on {}", match.rule().id(), article.id(), match.matchedTerms());
        }
        return matches.size();
    }
}
