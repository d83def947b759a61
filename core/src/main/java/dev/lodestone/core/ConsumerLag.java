package dev.lodestone.core;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * How far one consumer is behind the end of the topic it reads, as the gauge {@value #METER} tagged with the
 * {@code topic} and a {@code consumer} name: the records not yet read, summed over the partitions assigned to
 * it, and NaN while that is not known (before the first fetch from each of them). Every Lodestone consumer
 * reports one, and {@code /health} is not ready while any is unknown.
 *
 * <p>A Kafka consumer must only be touched by its own thread, so the owner calls {@link #update} after each
 * poll and the scrape only reads the number left there. The update asks the broker nothing: it reads the end
 * offsets the last fetch responses carried ({@link Consumer#currentLag}). Group consumers and those that
 * {@code assign()} their partitions are measured alike; one with no partitions is behind by nothing.
 */
public final class ConsumerLag implements AutoCloseable {
    public static final String METER = "lodestone.consumer.lag";

    private final String topic;
    private final MeterRegistry registry;
    private final Gauge gauge;
    private volatile double records = Double.NaN;

    public ConsumerLag(MeterRegistry registry, String topic, String consumerName) {
        this.topic = topic;
        this.registry = registry;
        this.gauge = Gauge.builder(METER, this, lag -> lag.records)
                .description("Records on the topic not yet read by the consumer; NaN until known")
                .tags("topic", topic, "consumer", consumerName)
                .strongReference(true)
                .register(registry);
    }

    /** Reads the consumer's lag on the topic; call it on the consumer's thread, after a poll. */
    public void update(Consumer<?, ?> consumer) {
        long behind = 0;
        for (TopicPartition partition : consumer.assignment()) {
            if (partition.topic().equals(topic)) {
                OptionalLong lag = consumer.currentLag(partition);
                if (lag.isEmpty()) {
                    records = Double.NaN;
                    return;
                }
                behind += lag.getAsLong();
            }
        }
        records = behind;
    }

    /** Records behind, NaN while not known. */
    public double records() {
        return records;
    }

    /** Stops reporting, so that a consumer closed does not go on looking stuck. */
    @Override
    public void close() {
        registry.remove(gauge);
    }
}
