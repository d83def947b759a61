package dev.lodestone.app.bench;

import dev.lodestone.analyze.AnalyzeService;
import dev.lodestone.analyze.ArticleAnalyzer;
import dev.lodestone.analyze.story.StoryClusterer;
import dev.lodestone.analyze.watchlist.WatchlistLoader;
import dev.lodestone.core.Article;
import dev.lodestone.core.EmbeddedKafka;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The analyze service's sustained rate through a real broker: articles are published first, then the service
 * is started and timed until every tagged article is readable (committed) on {@code lodestone.tagged}.
 * Transactions are on, as in production.
 */
public final class AnalyzeThroughput {
    /**
     * @param startSeconds      from the service's start to its first committed batch (joining the group,
     *                          transactions, the story state), paid once per start
     * @param seconds           from the first committed batch to the last
     * @param articlesPerSecond the sustained rate: articles committed after the first batch, over {@code seconds}
     */
    public record Result(int articles, double startSeconds, double seconds, double articlesPerSecond) {}

    private AnalyzeThroughput() {}

    public static Result run(int articles, PrintStream progress) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("lodestone-bench-analyze");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data, 0)) {
            String bootstrap = kafka.bootstrapServers();
            try (Admin admin = Admin.create(KafkaSettings.admin(bootstrap, "bench"))) {
                Topics.ensureExist(admin, 3);
            }
            publish(bootstrap, articles, progress);
            try (var consumer = new KafkaConsumer<>(KafkaSettings.consumer(bootstrap, "bench", "bench-reader"),
                    new StringDeserializer(), new ByteArrayDeserializer());
                 AnalyzeService service = new AnalyzeService(
                         new ArticleAnalyzer(WatchlistLoader.bundled(), Clock.systemUTC()), StoryClusterer.Settings.DEFAULT, bootstrap, "bench")) {
                consumer.subscribe(List.of(Topics.TAGGED));
                long start = System.nanoTime();
                service.start();
                long first = 0;
                int inFirstBatch = 0;
                int seen = 0;
                Progress bar = new Progress("tagged", articles, progress);
                while (seen < articles) {
                    int batch = consumer.poll(Duration.ofMillis(100)).count();
                    if (batch > 0 && first == 0) {
                        first = System.nanoTime();
                        inFirstBatch = batch;
                    }
                    seen += batch;
                    bar.update(seen);
                }
                bar.done();
                double seconds = (System.nanoTime() - first) / 1e9;
                return new Result(articles, (first - start) / 1e9, seconds, (articles - inFirstBatch) / seconds);
            }
        } finally {
            deleteQuietly(data);
        }
    }

    private static void publish(String bootstrap, int articles, PrintStream progress) {
        SyntheticArticles source = new SyntheticArticles();
        Progress bar = new Progress("published", articles, progress);
        try (var producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, "bench"),
                new StringSerializer(), JsonSerde.<Article>serializer())) {
            for (int i = 0; i < articles; i++) {
                Article article = source.article(i);
                producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(), article));
                bar.update(i + 1);
            }
            producer.flush();
        }
        bar.done();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
