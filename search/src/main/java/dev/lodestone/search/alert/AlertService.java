package dev.lodestone.search.alert;

import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import dev.lodestone.core.FeedState;
import dev.lodestone.core.Json;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.MalformedRecordException;
import dev.lodestone.core.Topics;
import dev.lodestone.search.alert.decide.AlertDecisionService;
import dev.lodestone.search.alert.deliver.Backoff;
import dev.lodestone.search.alert.deliver.RecentAlerts;
import dev.lodestone.search.alert.deliver.WebhookTargets;
import dev.lodestone.search.alert.match.AlertMatcher;
import dev.lodestone.search.alert.match.AlertMatchingService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting of one search instance, wired from its parts, all of them talking through Kafka:
 *
 * <ul>
 *   <li>the {@linkplain AlertRuleReader rules} from {@code lodestone.alert-rules}, with the {@linkplain DefaultRules
 *       shipped rules} published when that topic has never been written;
 *   <li>{@linkplain AlertMatchingService matching} and {@linkplain AlertDecisionService deciding}, each in a consumer
 *       group shared by every replica, so each article is matched once and each story alerts once per rule;
 *   <li>a reader of the whole {@code lodestone.alerts} topic in every replica, behind the live panel,
 *       {@code /api/alerts} and the Atom feeds ({@link #recent()});
 *   <li>one {@linkplain WebhookTargets webhook delivery} per URL the rules name;
 *   <li>{@linkplain CoverageGaps source health} from {@code lodestone.feeds}, watched by every replica; its gap
 *       alerts are published to {@code lodestone.alerts} by the replica that decides the rule's alerts, unless that
 *       topic already holds them, so neither a second replica nor a restart repeats them.
 * </ul>
 *
 * <p>{@link #start()} returns at once; whatever needs the rules or the alerts read first waits for them on a thread
 * of its own, and topics that do not exist yet are waited for. Rule edits go through {@link #save} and
 * {@link #delete}, which return once this instance matches with the change, so that "saved" means "in effect".
 */
public final class AlertService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final Duration CATCH_UP_WARNING = Duration.ofSeconds(60);
    private static final Duration APPLIED_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> GAP_KINDS = Set.of(CoverageGaps.GAP, CoverageGaps.GAP_CLOSED);

    /**
     * How this instance alerts.
     *
     * @param coverageGapAfter how long a watched feed may fail before rule owners are told of a gap
     * @param webhookBackoff   waits between tries of a webhook that failed
     * @param recentAlerts     how many alerts are kept in memory for the page, the API and the Atom feeds
     */
    public record Settings(Duration coverageGapAfter, Backoff webhookBackoff, int recentAlerts, Clock clock) {
        public static Settings defaults() {
            return new Settings(CoverageGaps.DEFAULT_THRESHOLD,
                    new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new Random()), 1000, Clock.systemUTC());
        }
    }

    private final String bootstrapServers;
    private final String instanceId;
    private final Settings settings;
    private final RecentAlerts recent;
    private final CoverageGaps gaps;
    /** The gap alerts the alerts topic holds, as {@code id kind}, so that none is published twice. */
    private final Set<String> gapAlertsPublished = ConcurrentHashMap.newKeySet();
    /**
     * Gap alerts found here and not yet seen on the topic, by {@code id kind}. Every replica finds the same gaps;
     * the one deciding a rule's alerts publishes them, and each replica forgets one when it reads it back, so a
     * gap found during a rebalance is published by whichever replica owns its rule next.
     */
    private final Map<String, Alert> pendingGaps = new ConcurrentHashMap<>();
    private final Object rulesApplied = new Object();

    private AlertRuleReader rules;
    private AlertMatcher matcher;
    private AlertMatchingService matching;
    private AlertDecisionService decisions;
    private TopicReader alerts;
    private WebhookTargets webhooks;
    private Producer<String, Object> producer;
    private Thread warmUp;
    private TopicReader feeds;
    private boolean closed;

    /**
     * @param instanceId stable across restarts of this instance and unique among instances: it names the
     *                   transactional producers of matching and deciding
     */
    public AlertService(String bootstrapServers, String instanceId, Settings settings) {
        this.bootstrapServers = bootstrapServers;
        this.instanceId = instanceId;
        this.settings = settings;
        this.recent = new RecentAlerts(settings.recentAlerts(), settings.clock());
        this.gaps = new CoverageGaps(settings.coverageGapAfter());
    }

    /** Starts every part in the background and returns at once. */
    public synchronized void start() {
        if (rules != null) {
            throw new IllegalStateException("alerts already started");
        }
        Map<String, Object> producerSettings = KafkaSettings.producer(bootstrapServers, "lodestone-alerts-" + instanceId);
        producerSettings.put(ProducerConfig.PARTITIONER_CLASS_CONFIG, RulePartitioner.class);
        producer = new KafkaProducer<>(producerSettings, new StringSerializer(), JsonSerde.serializer());
        rules = new AlertRuleReader(bootstrapServers, "lodestone-alert-rules-" + instanceId);
        matcher = new AlertMatcher();
        matching = new AlertMatchingService(bootstrapServers, instanceId, rules, matcher, settings.clock());
        decisions = new AlertDecisionService(bootstrapServers, instanceId, rules, settings.clock());
        webhooks = new WebhookTargets(bootstrapServers, rules::rule, settings.webhookBackoff(), settings.clock());
        rules.addListener(changed -> followWebhooks());
        rules.addListener(changed -> {
            synchronized (rulesApplied) {
                rulesApplied.notifyAll();
            }
        });
        alerts = new TopicReader(bootstrapServers, "lodestone-alerts-reader-" + instanceId, Topics.ALERTS,
                (records, caughtUp) -> alertsPolled(records));
        rules.start();
        matching.start();
        decisions.start();
        alerts.start();
        warmUp = new Thread(this::warmUp, "alerts-warm-up");
        warmUp.start();
    }

    /** The alerts seen lately, kept as they arrive on {@code lodestone.alerts}. */
    public RecentAlerts recent() {
        return recent;
    }

    /** Every rule as this instance knows it now. */
    public Collection<AlertRule> rules() {
        return started(rules).rules();
    }

    public Optional<AlertRule> rule(String id) {
        return started(rules).rule(id);
    }

    /**
     * Publishes {@code rule} and waits until this instance matches with it.
     *
     * @throws IllegalStateException when the rule is published but not read back in time
     */
    public void save(AlertRule rule) throws InterruptedException {
        publishRule(rule.id(), rule);
        awaitApplied(rule.id(), current -> current.isPresent() && current.get().equals(rule));
        LOG.info("Alert rule {} saved: {}", rule.id(), rule.query());
    }

    /** Publishes the deletion of rule {@code id} and waits until this instance no longer matches with it. */
    public void delete(String id) throws InterruptedException {
        publishRule(id, null);
        awaitApplied(id, Optional::isEmpty);
        LOG.info("Alert rule {} deleted", id);
    }

    @Override
    public void close() {
        Thread warming;
        synchronized (this) {
            if (rules == null || closed) {
                return;
            }
            closed = true;
            warming = warmUp;
        }
        List<Exception> failures = new ArrayList<>();
        warming.interrupt();
        try {
            warming.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
        }
        for (AutoCloseable part : new AutoCloseable[] {feeds, webhooks, alerts, decisions, matching, rules, matcher}) {
            close(part, failures);
        }
        producer.close(Duration.ofSeconds(5));
        if (!failures.isEmpty()) {
            IllegalStateException failed = new IllegalStateException("alerts did not stop cleanly");
            failures.forEach(failed::addSuppressed);
            throw failed;
        }
    }

    /** Publishes the shipped rules on a first start, then watches the feeds once rules and alerts are read. */
    private void warmUp() {
        try {
            while (!rules.awaitCaughtUp(CATCH_UP_WARNING)) {
                LOG.warn("Alert rules still not read after {}; is Kafka up?", CATCH_UP_WARNING);
            }
            if (rules.neverWritten()) {
                List<AlertRule> shipped = DefaultRules.load(settings.clock().instant());
                for (AlertRule rule : shipped) {
                    publishRule(rule.id(), rule);
                }
                LOG.info("Published the {} default alert rules to an empty {}", shipped.size(), Topics.ALERT_RULES);
            }
            while (!alerts.awaitCaughtUp(CATCH_UP_WARNING)) {
                LOG.warn("Alerts still not read after {}; source health waits for them", CATCH_UP_WARNING);
            }
            synchronized (this) {
                if (!closed) {
                    feeds = new TopicReader(bootstrapServers, "lodestone-feed-health-" + instanceId, Topics.FEEDS,
                            this::feedsPolled);
                    feeds.start();
                }
            }
        } catch (InterruptedException e) {
            LOG.debug("Alerts warm-up stopping");
        }
    }

    private void followWebhooks() {
        try {
            webhooks.follow(rules.rules());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void alertsPolled(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            Alert alert;
            try {
                alert = Json.fromBytes(record.value(), Alert.class);
            } catch (MalformedRecordException e) {
                LOG.warn("Alert {} at {}-{} offset {} skipped: {}", record.key(), record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                continue;
            }
            if (GAP_KINDS.contains(alert.kind())) {
                gapAlertsPublished.add(gapKey(alert));
                pendingGaps.remove(gapKey(alert));
            }
            recent.add(alert);
        }
    }

    /** Feed states are judged at the time they were published; open gaps are checked again on every poll. */
    private void feedsPolled(ConsumerRecords<String, byte[]> records, boolean caughtUp) {
        Collection<AlertRule> current = rules.rules();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            FeedState state;
            try {
                state = Json.fromBytes(record.value(), FeedState.class);
            } catch (MalformedRecordException e) {
                LOG.warn("Feed state {} at {}-{} offset {} skipped: {}", record.key(), record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                continue;
            }
            publishGaps(gaps.update(state, current, Instant.ofEpochMilli(record.timestamp())));
        }
        if (caughtUp) {
            publishGaps(gaps.check(current, settings.clock().instant()));
        }
        publishPendingGaps();
    }

    private void publishGaps(List<Alert> found) {
        for (Alert alert : found) {
            if (!gapAlertsPublished.contains(gapKey(alert))) {
                pendingGaps.putIfAbsent(gapKey(alert), alert);
            }
        }
    }

    /** Publishes the pending gaps of the rules this instance decides; those of deleted rules are dropped. */
    private void publishPendingGaps() {
        pendingGaps.values().removeIf(alert -> rules.rule(alert.ruleId()).isEmpty());
        for (Alert alert : List.copyOf(pendingGaps.values())) {
            if (!decisions.decidesFor(alert.ruleId()) || pendingGaps.remove(gapKey(alert)) == null) {
                continue;
            }
            producer.send(new ProducerRecord<>(Topics.ALERTS, alert.id(), alert), (metadata, e) -> {
                if (e != null) {
                    pendingGaps.putIfAbsent(gapKey(alert), alert);
                    LOG.error("Coverage alert {} not published, will try again: {}", alert.id(), e.toString());
                }
            });
            LOG.info("Coverage alert for rule {}: {}", alert.ruleId(), alert.title());
        }
    }

    private static String gapKey(Alert alert) {
        return alert.id() + " " + alert.kind();
    }

    private void publishRule(String id, AlertRule rule) throws InterruptedException {
        try {
            started(producer).send(new ProducerRecord<>(Topics.ALERT_RULES, id, rule)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish alert rule " + id + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private void awaitApplied(String id, Predicate<Optional<AlertRule>> applied) throws InterruptedException {
        long deadline = System.nanoTime() + APPLIED_TIMEOUT.toNanos();
        synchronized (rulesApplied) {
            while (!applied.test(rules.rule(id))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("alert rule " + id + " was published but not read back within "
                            + APPLIED_TIMEOUT);
                }
                rulesApplied.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private static void close(AutoCloseable part, List<Exception> failures) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
        } catch (Exception e) {
            failures.add(e);
        }
    }

    private static <T> T started(T part) {
        if (part == null) {
            throw new IllegalStateException("alerts not started");
        }
        return part;
    }
}
