package dev.lodestone.core;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (broker and KRaft controller in this JVM) persisting to a local folder, so that
 * {@code lodestone run} needs nothing installed. Records and committed offsets survive restarts.
 *
 * <p>The data folder is locked for the life of the broker: two processes on one folder would corrupt the
 * metadata log, so the second one is refused before it touches anything. The metadata log lives in its own
 * folder beside the data logs for the same reason. Close every client before {@link #close()}, or the
 * clients block for their request timeouts trying to reach a broker that is gone.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER = "CONTROLLER";

    /** How often the broker's partitions are checked for {@link HangingTransactions}. */
    private static final Duration HANGING_CHECK = Duration.ofSeconds(10);

    private final KafkaRaftServer server;
    private final FileLock lock;
    private final String bootstrapServers;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lodestone-hanging-transactions");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Admin sweeperAdmin;

    private EmbeddedKafka(KafkaRaftServer server, FileLock lock, String bootstrapServers) {
        this.server = server;
        this.lock = lock;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the broker on {@code port} of the loopback interface (0 picks a free one) and waits until it
     * answers.
     *
     * @throws DataFolderInUseException when another process holds the data folder
     * @throws PortInUseException       when the port is taken
     */
    public static EmbeddedKafka start(Path dataDir, int port) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        FileLock lock = lockFolder(dataDir);
        try {
            int brokerPort = port == 0 ? freePort() : requireFree(port);
            int controllerPort = freePort();
            Path logDir = dataDir.resolve("logs");
            Path metadataDir = dataDir.resolve("metadata");
            if (!Files.exists(metadataDir.resolve("meta.properties"))) {
                format(logDir, metadataDir);
            }
            KafkaRaftServer server = new KafkaRaftServer(
                    KafkaConfig.fromProps(config(logDir, metadataDir, brokerPort, controllerPort), false), Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                // Controller threads started before the failure would keep the JVM alive.
                server.shutdown();
                throw e;
            }
            String bootstrap = "127.0.0.1:" + brokerPort;
            EmbeddedKafka kafka = new EmbeddedKafka(server, lock, bootstrap);
            try {
                kafka.awaitReady(Duration.ofSeconds(60));
            } catch (RuntimeException | InterruptedException e) {
                kafka.close();
                throw e;
            }
            LOG.info("Embedded Kafka ready at {} with data in {}", bootstrap, dataDir);
            kafka.sweepHangingTransactions();
            return kafka;
        } catch (IOException | InterruptedException | RuntimeException e) {
            releaseQuietly(lock);
            throw e;
        } catch (Exception e) {
            releaseQuietly(lock);
            throw new IOException("could not start the embedded Kafka broker: " + e.getMessage(), e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        if (sweeperAdmin != null) {
            sweeperAdmin.close(Duration.ZERO);
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            releaseQuietly(lock);
        }
    }

    /**
     * Aborts, every {@link #HANGING_CHECK}, the transactions a kill of this process left hanging: this broker is
     * the one killed with the pipeline, and a hanging transaction would stop everything downstream for good.
     */
    private void sweepHangingTransactions() {
        Admin admin = Admin.create(KafkaSettings.admin(bootstrapServers, "lodestone-hanging-transactions"));
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                HangingTransactions.abortOn(admin, HangingTransactions.everyPartition(admin));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | RuntimeException e) {
                LOG.debug("Could not check for hanging transactions: {}", e.toString());
            }
        }, HANGING_CHECK.toMillis(), HANGING_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        sweeperAdmin = admin;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(KafkaSettings.admin(bootstrapServers, "lodestone-embedded-check"))) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new KafkaUnavailableException("embedded Kafka did not become ready within " + timeout, e);
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    private static Properties config(Path logDir, Path metadataDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", CONTROLLER);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("metadata.log.dir", metadataDir.toAbsolutePath().toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "3");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // After an unclean stop the next start waits out the old broker session: keep that short.
        props.put("broker.session.timeout.ms", "3000");
        props.put("broker.heartbeat.interval.ms", "1000");
        props.put("auto.create.topics.enable", "false");
        return props;
    }

    private static void format(Path logDir, Path metadataDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toAbsolutePath().toString(), metadataDir.toAbsolutePath().toString()))
                .setMetadataLogDirectory(metadataDir.toAbsolutePath().toString())
                .setControllerListenerName(CONTROLLER)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private static FileLock lockFolder(Path dataDir) throws IOException {
        FileChannel channel = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DataFolderInUseException(dataDir);
        }
        return lock;
    }

    private static void releaseQuietly(FileLock lock) {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            LOG.warn("Could not release the data folder lock: {}", e.getMessage());
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return port;
        } catch (IOException e) {
            throw new PortInUseException(port, "Kafka broker");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
