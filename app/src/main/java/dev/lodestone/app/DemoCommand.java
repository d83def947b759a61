package dev.lodestone.app;

import dev.lodestone.newswire.DemoNewswire;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lodestone demo}: {@code run} fed by the bundled sample newswire, with no internet needed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on a sample newswire of fictional outlets served on this machine. "
                + "New articles appear every few seconds; each alert they raise prints how long it took from the feed "
                + "to the page. Stop with Ctrl-C.")
final class DemoCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Mixin
    PipelineOptions options;

    @Option(names = "--newswire-port", defaultValue = "8089",
            description = "Port of the sample newswire; keep it fixed so restarts see the same article URLs. "
                    + "Default: ${DEFAULT-VALUE}.")
    int newswirePort;

    @Option(names = "--release-every", defaultValue = "PT5S",
            description = "How often the newswire publishes its next article (ISO-8601). Default: ${DEFAULT-VALUE}.")
    Duration releaseEvery;

    @Option(names = "--initially", defaultValue = "12",
            description = "Articles already published when the demo starts. Default: ${DEFAULT-VALUE}.")
    int initiallyReleased;

    @Override
    public Integer call() throws Exception {
        if (options.data.equals(Path.of("lodestone-data"))) {
            options.data = Path.of("lodestone-data", "demo");
        }
        LodestoneConfig config = options.loadConfig();
        DemoNewswire newswire = DemoNewswire.start(newswirePort, releaseEvery, initiallyReleased);
        FeedToPageTimer timer = new FeedToPageTimer(newswire);
        Pipeline pipeline;
        try {
            // Feeds on loopback are refused outside the demo; our own newswire is cheap to poll often and fast.
            pipeline = Pipeline.start(new Pipeline.Options(
                    config.withFeeds(newswire.feedUrls()).withAllowLoopback(true).withPollInterval(Duration.ofSeconds(2))
                            .withHostDelay(Duration.ZERO),
                    Pipeline.all(), options.bootstrapServers, options.data, options.port, options.kafkaPort,
                    options.opsPort, options.instanceId));
        } catch (Exception e) {
            newswire.close();
            throw e;
        }
        pipeline.search().ifPresent(search -> timer.watch(search.alerts().recent()));
        LOG.info("Lodestone demo is running: open http://localhost:{}/ (sample newswire at {}, a new article every {}s)",
                options.port, newswire.baseUrl(), releaseEvery.toSeconds());
        RunCommand.runUntilStopped(timer, newswire, pipeline);
        return 0;
    }
}
