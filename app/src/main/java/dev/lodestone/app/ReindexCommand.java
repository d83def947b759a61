package dev.lodestone.app;

import dev.lodestone.app.bench.Progress;
import dev.lodestone.core.Json;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.MalformedRecordException;
import dev.lodestone.core.TaggedArticle;
import dev.lodestone.core.Topics;
import dev.lodestone.search.SearchService;
import dev.lodestone.search.index.ArticleIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lodestone reindex}: rebuilds the search index from {@code lodestone.tagged}, beside the index in use,
 * which keeps serving meanwhile. When the rebuilt index is complete it is marked ready; a running search
 * service on the same data folder then swaps it in within seconds, and one that is not running does so when it
 * starts.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the search index from the tagged-articles topic, with a progress bar.",
                "The current index keeps serving while the new one is built; a search service on the same --data",
                "then swaps the new one in within seconds (or when it next starts)."})
final class ReindexCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ReindexCommand.class);

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS",
            description = "Kafka cluster. Default: the embedded broker of --data (a running Lodestone's, or started for the command).")
    String bootstrapServers;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "lodestone-data",
            description = "Data folder holding the index. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Port of a running Lodestone's embedded broker. Default: ${DEFAULT-VALUE}.")
    int kafkaPort;

    @Override
    public Integer call() throws Exception {
        Path rebuilt = SearchService.rebuiltIndexDir(data.resolve("index"));
        deleteTree(rebuilt);
        long articles;
        try (KafkaAccess kafka = KafkaAccess.open(bootstrapServers, data, kafkaPort);
             ArticleIndex index = ArticleIndex.open(rebuilt)) {
            articles = rebuild(kafka.bootstrapServers(), index);
        }
        Files.createFile(rebuilt.resolve(SearchService.READY));
        System.out.printf("Rebuilt the index from %,d tagged articles in %s; the search service swaps it in within "
                + "seconds, or when it next starts.%n", articles, rebuilt);
        return 0;
    }

    /** Reads every partition of the topic from the beginning to its current end into the index. */
    private static long rebuild(String bootstrapServers, ArticleIndex index) throws IOException {
        try (var consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrapServers, "lodestone-reindex", null),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TAGGED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
            Progress bar = new Progress("reindexed", total, System.err);
            long read = 0;
            long indexed = 0;
            // Positions, not record offsets: transaction markers take offsets that no record carries.
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        index.upsert(Json.fromBytes(record.value(), TaggedArticle.class));
                        indexed++;
                    } catch (MalformedRecordException e) {
                        LOG.warn("Skipped record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                                e.getMessage());
                    }
                }
                bar.update(Math.min(read, total));
            }
            bar.done();
            // The offsets go into the commit, so the search service resumes right after what was rebuilt.
            Map<TopicPartition, Long> next = new HashMap<>();
            partitions.forEach(p -> next.put(p, consumer.position(p)));
            index.commit(next);
            return indexed;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
