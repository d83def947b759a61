package dev.lodestone.app;

import dev.lodestone.core.EmbeddedKafka;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lodestone broker}: the embedded single-node Kafka broker on its own, for services started elsewhere with
 * {@code --bootstrap-servers}. A broker in a process of its own can be stopped and restarted under a running
 * pipeline, which is how {@code lodestone bench crash --kill broker} tests that producers and consumers ride
 * out an outage.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Run a single-node Kafka broker on loopback with its data in a folder, until stopped. "
                + "For development and tests; use a real cluster in production.")
final class BrokerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerCommand.class);

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "lodestone-data/kafka",
            description = "Folder of the broker's logs and metadata. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--port", defaultValue = "9092", description = "The broker's port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Override
    public Integer call() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(data, port);
        LOG.info("Kafka broker running at {}, data in {}", kafka.bootstrapServers(), data);
        RunCommand.runUntilStopped(kafka);
        return 0;
    }
}
