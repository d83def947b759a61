package dev.lodestone.app;

import dev.lodestone.core.DataFolderInUseException;
import dev.lodestone.core.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Kafka for a one-off command ({@code lodestone feeds ...}): the given cluster; else the embedded broker of
 * a running {@code lodestone run} on the same data folder, reached on its port; else that broker started for
 * the length of the command.
 */
final class KafkaAccess implements AutoCloseable {
    private final EmbeddedKafka started;
    private final String bootstrapServers;

    private KafkaAccess(EmbeddedKafka started, String bootstrapServers) {
        this.started = started;
        this.bootstrapServers = bootstrapServers;
    }

    static KafkaAccess open(String bootstrapServers, Path data, int kafkaPort) throws IOException, InterruptedException {
        if (bootstrapServers != null) {
            return new KafkaAccess(null, bootstrapServers);
        }
        try {
            EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
            return new KafkaAccess(kafka, kafka.bootstrapServers());
        } catch (DataFolderInUseException running) {
            return new KafkaAccess(null, "127.0.0.1:" + kafkaPort);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
