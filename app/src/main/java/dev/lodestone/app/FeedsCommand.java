package dev.lodestone.app;

import dev.lodestone.core.FeedState;
import dev.lodestone.core.JsonSerde;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.Topics;
import dev.lodestone.ingest.registry.FeedHealthTable;
import dev.lodestone.ingest.registry.FeedRegistry;
import dev.lodestone.ingest.registry.FeedSource;
import dev.lodestone.ingest.registry.Opml;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lodestone feeds}: the feed registry on the compacted {@code lodestone.feeds} topic. Running ingest
 * instances share the registry's sources between them and pick up imports and removals as they happen.
 */
@Command(name = "feeds", mixinStandardHelpOptions = true,
        description = "List the feeds and their health, or import, export and remove feeds (OPML).",
        subcommands = {FeedsCommand.Import.class, FeedsCommand.Export.class, FeedsCommand.Remove.class})
final class FeedsCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Kafka cluster. Default: the embedded broker of --data (a running Lodestone's, or started for the command).")
    String bootstrapServers;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "lodestone-data", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Data folder of the embedded broker. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--kafka-port", defaultValue = "9092", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Port of a running Lodestone's embedded broker. Default: ${DEFAULT-VALUE}.")
    int kafkaPort;

    @Override
    public Integer call() throws Exception {
        try (KafkaAccess kafka = access()) {
            List<FeedState> feeds = FeedRegistry.read(kafka.bootstrapServers());
            if (feeds.isEmpty()) {
                System.out.println("No feeds in the registry yet: they appear after ingest's first poll, or import an OPML file.");
            } else {
                System.out.print(FeedHealthTable.render(feeds, Instant.now()));
            }
            return 0;
        }
    }

    KafkaAccess access() throws Exception {
        KafkaAccess kafka = KafkaAccess.open(bootstrapServers, data, kafkaPort);
        try (Admin admin = Admin.create(KafkaSettings.admin(kafka.bootstrapServers(), "lodestone-feeds"))) {
            Topics.ensureExist(admin, LodestoneConfig.bundled().partitions());
        } catch (RuntimeException | InterruptedException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    /** Writes registry entries; a null state removes its source. */
    static void publish(String bootstrapServers, Map<String, FeedState> states) {
        try (var producer = new KafkaProducer<>(KafkaSettings.producer(bootstrapServers, "lodestone-feeds"),
                new StringSerializer(), JsonSerde.<FeedState>serializer())) {
            states.forEach((url, state) -> producer.send(new ProducerRecord<>(Topics.FEEDS, url, state)));
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add the sources of an OPML file to the registry; running ingest instances start polling them.")
    static final class Import implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        FeedsCommand feeds;

        @Parameters(paramLabel = "FILE.opml")
        Path file;

        @Override
        public Integer call() throws Exception {
            List<FeedSource> sources;
            try (InputStream in = Files.newInputStream(file)) {
                sources = Opml.read(in);
            }
            Map<String, FeedState> entries = new LinkedHashMap<>();
            sources.forEach(source -> entries.put(source.url().toString(), source.unpolled()));
            try (KafkaAccess kafka = feeds.access()) {
                publish(kafka.bootstrapServers(), entries);
            }
            System.out.printf("Imported %d sources from %s.%n", sources.size(), file);
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the registry's feeds as OPML.")
    static final class Export implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        FeedsCommand feeds;

        @Option(names = "--out", paramLabel = "FILE", description = "Where to write. Default: standard output.")
        Path out;

        @Override
        public Integer call() throws Exception {
            List<FeedSource> sources;
            try (KafkaAccess kafka = feeds.access()) {
                sources = FeedRegistry.read(kafka.bootstrapServers()).stream().map(FeedSource::of).toList();
            }
            if (out == null) {
                Opml.write(sources, System.out);
                System.out.flush();
            } else {
                try (OutputStream file = Files.newOutputStream(out)) {
                    Opml.write(sources, file);
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a feed from the registry (a feed still in the config file is polled anyway).")
    static final class Remove implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        FeedsCommand feeds;

        @Parameters(paramLabel = "URL")
        String url;

        @Override
        public Integer call() throws Exception {
            try (KafkaAccess kafka = feeds.access()) {
                Map<String, FeedState> removal = new HashMap<>();
                removal.put(url, null);
                publish(kafka.bootstrapServers(), removal);
            }
            System.out.println("Removed " + url + " from the registry.");
            return 0;
        }
    }
}
