package dev.lodestone.analyze;

import dev.lodestone.analyze.story.StoryAssignment;
import dev.lodestone.analyze.story.StoryClusterer;
import dev.lodestone.analyze.story.StoryFollower;
import dev.lodestone.core.Article;
import dev.lodestone.core.ConsumerLag;
import dev.lodestone.core.Health;
import dev.lodestone.core.Json;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.MalformedRecordException;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import dev.lodestone.core.TransactionalBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyze service: reads {@link Topics#ARTICLES}, tags each article and writes {@link Topics#TAGGED}.
 *
 * <p>Each batch is one Kafka transaction holding both the tagged records and the consumed offsets, so a
 * crash either publishes a batch and its progress together or neither: no article is tagged twice
 * downstream (consumers read committed only) and none is skipped. Instances share the article partitions
 * through the consumer group {@value #GROUP}; the transactional id must be stable per instance so that a
 * restarted instance fences its former self.
 *
 * <p>Each article is also assigned to a story. The signature behind the assignment goes to
 * {@link Topics#STORIES} in the same transaction, so the story state is rebuilt from that topic at start and
 * shared with the other instances as they run (see {@link StoryFollower}).
 */
public final class AnalyzeService implements AutoCloseable {
    public static final String GROUP = "lodestone-analyze";
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeService.class);

    private volatile ArticleAnalyzer analyzer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, Object> producer;
    private final StoryClusterer stories;
    private final StoryFollower storyFollower;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Counter tagged = Metrics.counter("lodestone.analyze.articles", "outcome", "tagged");
    private final Counter skipped = Metrics.counter("lodestone.analyze.articles", "outcome", "malformed");
    private final Counter aborted = Metrics.counter("lodestone.analyze.transactions.aborted");
    private final Timer tagTime = Metrics.timer("lodestone.analyze.tag.time");
    private final KafkaClientMetrics consumerMetrics;
    private final ConsumerLag lag = new ConsumerLag(Metrics.globalRegistry, Topics.ARTICLES, GROUP);
    private volatile String failure;

    /**
     * @param instanceId stable name of this instance (e.g. the host name), part of its transactional id
     */
    public AnalyzeService(ArticleAnalyzer analyzer, StoryClusterer.Settings storySettings, String bootstrapServers,
                          String instanceId) {
        this.analyzer = analyzer;
        this.stories = new StoryClusterer(storySettings);
        String clientId = "lodestone-analyze-" + instanceId;
        this.consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, clientId, GROUP),
                new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerProps = KafkaSettings.transactionalProducer(bootstrapServers, clientId, clientId);
        // An instance that dies mid-transaction blocks readers of its partitions until the transaction times out.
        producerProps.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 15_000);
        this.producer = new KafkaProducer<>(producerProps, new StringSerializer(), JsonSerde.serializer());
        this.storyFollower = new StoryFollower(bootstrapServers, clientId + "-stories", stories);
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(Metrics.globalRegistry);
        Metrics.gauge("lodestone.analyze.stories.remembered", stories, StoryClusterer::size);
        this.thread = new Thread(this::run, "analyze");
    }

    public void start() {
        storyFollower.catchUp();
        producer.initTransactions();
        consumer.subscribe(List.of(Topics.ARTICLES));
        thread.start();
    }

    /** Tags the next articles with another analyzer, e.g. one built from a reloaded watch-list. */
    public void useAnalyzer(ArticleAnalyzer next) {
        this.analyzer = next;
    }

    /** Articles tagged since start. */
    public long taggedCount() {
        return (long) tagged.count();
    }

    /** Up while the tagging loop runs; down with the reason once it stopped on an error. */
    public Health health() {
        if (failure != null) {
            return Health.down("analyze", "stopped: " + failure);
        }
        return thread.isAlive() ? Health.up("analyze", String.format("%,d articles tagged", taggedCount()))
                : Health.down("analyze", "not running");
    }

    private void run() {
        try {
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                lag.update(consumer);
                storyFollower.follow();
                if (!records.isEmpty()) {
                    processInTransaction(records);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.error("Analyze stopped: {}", e.toString(), e);
        }
    }

    private void processInTransaction(ConsumerRecords<String, byte[]> records) {
        if (TransactionalBatch.process(records, consumer, producer, this::tagAndSend)) {
            tagged.increment(records.count());
            LOG.debug("Tagged {} articles", records.count());
        } else {
            aborted.increment();
            LOG.warn("Transaction aborted, {} articles will be read again", records.count());
        }
    }

    private void tagAndSend(ConsumerRecord<String, byte[]> record) {
        Article article;
        try {
            article = Json.fromBytes(record.value(), Article.class);
        } catch (MalformedRecordException e) {
            skipped.increment();
            LOG.warn("Skipped record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        long start = System.nanoTime();
        TaggedArticle result = analyzer.analyze(article);
        tagTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        StoryAssignment story = stories.assign(article.id(), article.body(),
                article.fetchedAt() != null ? article.fetchedAt() : Instant.ofEpochMilli(record.timestamp()));
        producer.send(new ProducerRecord<>(Topics.TAGGED, result.id(), result.withStory(story.storyId(), story.firstInStory())));
        producer.send(new ProducerRecord<>(Topics.STORIES, article.id(), story.signature()));
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumerMetrics.close();
        lag.close();
        consumer.close();
        storyFollower.close();
        producer.close(Duration.ofSeconds(5));
    }
}
