package dev.lodestone.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code lodestone run}: every service in one process, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run ingest, analyze and search in one process, with an embedded Kafka broker unless "
                + "--bootstrap-servers is given. Stop with Ctrl-C.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    PipelineOptions options;

    @Override
    public Integer call() throws Exception {
        LodestoneConfig config = options.loadConfig();
        Pipeline pipeline = Pipeline.start(new Pipeline.Options(config, Pipeline.all(), options.bootstrapServers,
                options.data, options.port, options.kafkaPort, options.opsPort, options.instanceId));
        LOG.info("Lodestone is running: open http://localhost:{}/", options.port);
        runUntilStopped(pipeline);
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then stops the services in order. */
    static void runUntilStopped(AutoCloseable... parts) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            for (AutoCloseable part : parts) {
                try {
                    part.close();
                } catch (Exception e) {
                    LOG.warn("Stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
                }
            }
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
