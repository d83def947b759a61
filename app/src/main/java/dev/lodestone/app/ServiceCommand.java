package dev.lodestone.app;

import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** One service alone against an existing Kafka cluster, for running several machines. */
abstract class ServiceCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceCommand.class);

    @Mixin
    PipelineOptions options;

    @Spec
    CommandSpec spec;

    abstract Pipeline.Service service();

    @Override
    public Integer call() throws Exception {
        if (options.bootstrapServers == null) {
            throw new ParameterException(spec.commandLine(),
                    "--bootstrap-servers is required: a service alone joins an existing Kafka cluster");
        }
        Pipeline pipeline = Pipeline.start(new Pipeline.Options(options.loadConfig(), Set.of(service()),
                options.bootstrapServers, options.data, options.port, options.kafkaPort, options.opsPort, options.instanceId));
        LOG.info("Lodestone {} is running against {}", spec.name(), options.bootstrapServers);
        RunCommand.runUntilStopped(pipeline);
        return 0;
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "Run ingest alone: poll the configured feeds and publish articles to lodestone.articles.")
    static final class Ingest extends ServiceCommand {
        @Override
        Pipeline.Service service() {
            return Pipeline.Service.INGEST;
        }
    }

    @Command(name = "analyze", mixinStandardHelpOptions = true,
            description = "Run analyze alone: tag articles from lodestone.articles onto lodestone.tagged. "
                    + "Instances share the work through a consumer group.")
    static final class Analyze extends ServiceCommand {
        @Override
        Pipeline.Service service() {
            return Pipeline.Service.ANALYZE;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Run search alone: index lodestone.tagged into the index under --data and serve the "
                    + "web page and API. Every instance indexes everything.")
    static final class Search extends ServiceCommand {
        @Override
        Pipeline.Service service() {
            return Pipeline.Service.SEARCH;
        }
    }
}
