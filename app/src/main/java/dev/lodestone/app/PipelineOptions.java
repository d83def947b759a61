package dev.lodestone.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options shared by the commands that run services. */
final class PipelineOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (YAML). Default: the bundled config/lodestone.yml.")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS",
            description = "Kafka cluster to use (host:port,...). Default: start an embedded single-node broker.")
    String bootstrapServers;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "lodestone-data",
            description = "Folder for the embedded broker and the index. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--port", defaultValue = "8080", description = "Web page and API port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--kafka-port", defaultValue = "9092",
            description = "Port of the embedded broker, for services in other processes. Default: ${DEFAULT-VALUE}.")
    int kafkaPort;

    @Option(names = "--ops-port", defaultValue = "8081",
            description = "Port of /health and /metrics (Prometheus); -1 for none. Default: ${DEFAULT-VALUE}.")
    int opsPort;

    @Option(names = "--instance-id", paramLabel = "NAME", defaultValue = "${env:HOSTNAME:-main}",
            description = "Name of this process among its peers, stable across restarts. Default: the host name.")
    String instanceId;

    LodestoneConfig loadConfig() {
        return config == null ? LodestoneConfig.bundled() : LodestoneConfig.load(config);
    }
}
