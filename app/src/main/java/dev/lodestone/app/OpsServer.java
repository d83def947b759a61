package dev.lodestone.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lodestone.core.ConsumerLag;
import dev.lodestone.core.Health;
import dev.lodestone.core.Json;
import dev.lodestone.core.KafkaSettings;
import dev.lodestone.core.PortInUseException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint of one Lodestone process, whatever services it runs: {@code GET /health} (readiness:
 * 200 when Kafka answers, every service is up and the lag of every measured consumer is known, 503 otherwise,
 * with each part's state) and {@code GET /metrics} (Prometheus text format: what the services record in
 * Micrometer's global registry, and the JVM's own meters). A separate port from the web page, so it can stay private
 * when the page is public, and so ingest and analyze alone, which serve no page, still answer.
 */
final class OpsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    /** The gauge every consumer's lag is reported as, by {@code topic} and {@code consumer}. */
    static final String CONSUMER_LAG = ConsumerLag.METER;

    private final HttpServer server;
    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Admin admin;
    private final List<Supplier<Health>> parts;
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

    OpsServer(int port, String bootstrapServers, List<Supplier<Health>> parts) throws IOException {
        this.parts = List.copyOf(parts);
        var adminProps = KafkaSettings.admin(bootstrapServers, "lodestone-health");
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (BindException e) {
            throw new PortInUseException(port, "operations endpoint (/health, /metrics)");
        }
        this.admin = Admin.create(adminProps);
        Metrics.addRegistry(prometheus);
        new JvmMemoryMetrics().bindTo(prometheus);
        gcMetrics.bindTo(prometheus);
        new ProcessorMetrics().bindTo(prometheus);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "ops-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                prometheus.scrape()));
        server.createContext("/health", this::health);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void health(HttpExchange exchange) throws IOException {
        List<Health> checks = new ArrayList<>();
        checks.add(kafka());
        for (Supplier<Health> part : parts) {
            checks.add(part.get());
        }
        Collection<Gauge> lags = Metrics.globalRegistry.find(CONSUMER_LAG).gauges();
        if (!lags.isEmpty()) {
            checks.add(lag(lags));
        }
        boolean up = checks.stream().allMatch(Health::up);
        respond(exchange, up ? 200 : 503, "application/json",
                Json.toString(Map.of("status", up ? "up" : "down", "checks", checks)));
    }

    private Health kafka() {
        try {
            int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            return Health.up("kafka", nodes + (nodes == 1 ? " broker" : " brokers") + " reachable");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down("kafka", "not reachable: " + e);
        }
    }

    /**
     * Up when every consumer's lag is known, whatever it is: a large lag is for alerting, not a reason to stop
     * sending traffic; an unknown one means the consumer has not fetched yet, or cannot.
     */
    private static Health lag(Collection<Gauge> lags) {
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Gauge lag : lags) {
            String consumer = lag.getId().getTag("consumer") + " on " + lag.getId().getTag("topic");
            double records = lag.value();
            if (Double.isNaN(records)) {
                unknown.add(consumer);
            } else {
                known.add(consumer + " " + (long) records + " behind");
            }
        }
        known.sort(null);
        unknown.sort(null);
        return unknown.isEmpty() ? Health.up("consumer-lag", String.join(", ", known))
                : Health.down("consumer-lag", "not known yet for " + String.join(", ", unknown));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        admin.close();
        Metrics.removeRegistry(prometheus);
        gcMetrics.close();
        prometheus.close();
        LOG.debug("Operations endpoint stopped");
    }
}
