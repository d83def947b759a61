package dev.lodestone.search.alert.deliver;

import dev.lodestone.core.Alert;
import dev.lodestone.core.AlertRule;
import dev.lodestone.core.ArticleId;
import dev.lodestone.core.ConsumerLag;
import dev.lodestone.core.Json;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.MalformedRecordException;
import dev.lodestone.core.Topics;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts from {@link Topics#ALERTS} to one webhook target: each {@code new}, {@code updated},
 * {@code digest}, {@code gap} and {@code gap-closed} alert of a rule that lists the target, as a signed JSON
 * POST (see {@link WebhookMessage}). Copies joining an alert are not sent: they tell nobody anything urgent.
 * Nor are alerts their rule's pace holds back ({@link Alert#pacing()}): they come again, released, or in a
 * digest.
 *
 * <p><b>In order, and nothing skipped.</b> Each target has its own consumer group
 * ({@code lodestone-alert-delivery.<target>}), so its progress is its own: a dead target holds back only its
 * own alerts. Within a partition the oldest undelivered alert blocks the ones after it; failures (no answer,
 * a timeout, 408, 429 or 5xx) are retried with {@link Backoff} for as long as it takes, so a target down for an
 * hour receives every alert when it returns, in the order they were published. A 4xx other than 408 and 429
 * means the target refuses that request, and retrying the same bytes cannot change its mind: the alert is
 * logged as refused and delivery moves on.
 *
 * <p><b>Never twice, as far as a receiver can tell.</b> The offset is committed right after each successful
 * POST (records with nothing to post for this target are committed along with it, or at the end of a poll), so
 * a restart resumes after the last delivered alert. A crash between a POST and its commit sends that
 * one alert again on restart with the same {@value WebhookMessage#IDEMPOTENCY_HEADER} header: a receiver that
 * remembers the keys it has handled sees each alert once. That window is one alert wide.
 *
 * <p>A target that is new to its group starts with the alerts published from a given instant on (the time the
 * rule naming it was saved), so adding a target to a rule neither floods it with the rule's history nor loses
 * the alerts published while its consumer was joining the group.
 */
public final class WebhookDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final Set<String> DELIVERED_KINDS = Set.of("new", "updated", "digest", "gap", "gap-closed");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Timer PUBLISHED_TO_DELIVERED = Timer.builder("lodestone.alerts.webhook.latency")
            .description("From an article's publication to its alert accepted by a webhook")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofDays(1))
            .register(Metrics.globalRegistry);

    private final AlertRule.DeliveryTarget target;
    private final Function<String, Optional<AlertRule>> rules;
    private final Backoff backoff;
    private final Clock clock;
    private final Instant startFrom;
    private final HttpClient http;
    private final Consumer<String, byte[]> consumer;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final ConsumerLag lag;
    private final Thread thread;

    /**
     * @param rules     the current rule of each id, to tell whether an alert's rule still lists this target
     * @param startFrom where a target new to its group starts: the first alert published at or after it
     */
    public WebhookDelivery(String bootstrapServers, AlertRule.DeliveryTarget target,
                           Function<String, Optional<AlertRule>> rules, Backoff backoff, Clock clock,
                           Instant startFrom) {
        this.target = target;
        this.rules = rules;
        this.backoff = backoff;
        this.clock = clock;
        this.startFrom = startFrom;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        String group = group(target);
        Map<String, Object> settings = KafkaSettings.consumer(bootstrapServers, group, group);
        settings.put("auto.offset.reset", "latest");
        settings.put("max.poll.records", 50);
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        this.lag = new ConsumerLag(Metrics.globalRegistry, Topics.ALERTS, group);
        this.thread = new Thread(this::run, "webhook-" + targetId(target));
    }

    /** The consumer group of a target: one per URL, so each target keeps its own position. */
    public static String group(AlertRule.DeliveryTarget target) {
        return "lodestone-alert-delivery." + targetId(target);
    }

    public void start() {
        thread.start();
    }

    /** Waits until the target has its partitions and a position in each; false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops at once, between attempts; an alert not delivered yet stays uncommitted for the next start. */
    @Override
    public void close() throws InterruptedException {
        stopping.countDown();
        consumer.wakeup();
        thread.join();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.ALERTS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    startNewPartitionsFromTheStartTime(partitions);
                    ready.countDown();
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Every delivered alert is committed at once: nothing is pending here.
                }
            });
            int failures = 0;
            while (stopping.getCount() > 0) {
                Map<TopicPartition, Long> undelivered = new HashMap<>();
                Map<TopicPartition, OffsetAndMetadata> passed = new HashMap<>();
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                lag.update(consumer);
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (undelivered.containsKey(partition)) {
                        continue;
                    }
                    Outcome outcome = deliver(record);
                    if (outcome == Outcome.RETRY) {
                        undelivered.put(partition, record.offset());
                        continue;
                    }
                    passed.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    if (outcome == Outcome.SENT) {
                        failures = 0;
                        consumer.commitSync(passed);
                        passed.clear();
                    }
                }
                if (!passed.isEmpty()) {
                    consumer.commitSync(passed);
                }
                if (!undelivered.isEmpty()) {
                    undelivered.forEach(consumer::seek);
                    failures++;
                    stopping.await(backoff.delay(failures).toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            LOG.debug("Webhook delivery to {} stopping", target.url());
        } catch (KafkaException e) {
            LOG.error("Webhook delivery to {} stopped: {}", target.url(), e.toString(), e);
        } finally {
            lag.close();
            consumer.close();
        }
    }

    /** What became of one record. */
    private enum Outcome {
        /** Posted and accepted, or refused for good: committed at once, so a restart does not post it again. */
        SENT,
        /** Nothing to post for this target: committed with the next post or at the end of the poll. */
        PASSED,
        /** To be tried again, and everything after it in its partition with it. */
        RETRY
    }

    private Outcome deliver(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Alert alert;
        try {
            alert = record.value() == null ? null : Json.fromBytes(record.value(), Alert.class);
        } catch (MalformedRecordException e) {
            LOG.warn("Alert {} at {}-{} offset {} skipped: {}", record.key(), record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Outcome.PASSED;
        }
        if (alert == null || !DELIVERED_KINDS.contains(alert.kind()) || alert.pacing() != null
                || !forThisTarget(alert)) {
            return Outcome.PASSED;
        }
        Alert delivered = delivered(alert);
        WebhookMessage message = WebhookMessage.of(delivered);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(WebhookMessage.IDEMPOTENCY_HEADER, message.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
        if (target.secret() != null) {
            request.header(WebhookMessage.SIGNATURE_HEADER, message.signature(target.secret()));
        }
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            LOG.warn("Webhook {} unreachable for alert {}, will retry: {}", target.url(), alert.id(), e.toString());
            count("unreachable");
            return Outcome.RETRY;
        }
        if (status >= 200 && status < 300) {
            LOG.info("Alert {} ({}) delivered to {}", alert.id(), alert.kind(), target.url());
            count("delivered");
            recordLatency(delivered.timeline());
            return Outcome.SENT;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            LOG.warn("Webhook {} refused alert {} with HTTP {}; not retried", target.url(), alert.id(), status);
            count("refused");
            return Outcome.SENT;
        }
        LOG.warn("Webhook {} answered HTTP {} for alert {}, will retry", target.url(), status, alert.id());
        count("failed");
        return Outcome.RETRY;
    }

    private static void count(String outcome) {
        Metrics.counter("lodestone.alerts.webhook", "outcome", outcome).increment();
    }

    /** From the first article's publication to its alert's delivery. */
    private static void recordLatency(Alert.Timeline timeline) {
        if (timeline != null && timeline.published() != null && timeline.delivered() != null
                && !timeline.delivered().isBefore(timeline.published())) {
            PUBLISHED_TO_DELIVERED.record(Duration.between(timeline.published(), timeline.delivered()));
        }
    }

    private boolean forThisTarget(Alert alert) {
        return rules.apply(alert.ruleId())
                .map(rule -> rule.targets().stream().anyMatch(t -> t.url().equals(target.url())))
                .orElse(false);
    }

    private Alert delivered(Alert alert) {
        Alert.Timeline t = alert.timeline();
        return alert.with(t == null
                ? new Alert.Timeline(null, null, null, null, clock.instant())
                : new Alert.Timeline(t.published(), t.fetched(), t.tagged(), t.matched(), clock.instant()));
    }

    /**
     * Partitions this group never committed start at the first alert published from {@link #startFrom} on, or at
     * their end when there is none yet; that position is committed at once.
     */
    private void startNewPartitionsFromTheStartTime(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> fresh = new HashMap<>();
        for (TopicPartition partition : partitions) {
            if (committed.get(partition) == null) {
                fresh.put(partition, startFrom.toEpochMilli());
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(fresh);
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        for (TopicPartition partition : fresh.keySet()) {
            OffsetAndTimestamp first = found.get(partition);
            long offset = first == null ? consumer.position(partition) : first.offset();
            consumer.seek(partition, offset);
            start.put(partition, new OffsetAndMetadata(offset));
        }
        consumer.commitSync(start);
        LOG.info("Webhook {} starts with the alerts published from {} on, at {}", target.url(), startFrom, start);
    }

    private static String targetId(AlertRule.DeliveryTarget target) {
        return ArticleId.sha256Hex(target.url()).substring(0, 16);
    }
}
