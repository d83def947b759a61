package dev.lodestone.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and aborts hanging transactions: a partition holding records of a transaction that its coordinator no
 * longer runs, so that no commit or abort marker will ever close it. Consumers reading committed records stop
 * at such a transaction for good, and with them everything downstream.
 *
 * <p>Kafka can leave one when the broker process is killed mid-transaction (seen here after SIGKILL of the
 * whole pipeline: {@code lodestone.tagged-0} kept analyze's transaction of epoch 13 open while the coordinator
 * had moved that producer on to epoch 15 with nothing ongoing). It is what {@code kafka-transactions.sh
 * find-hanging} and {@code abort} are for; this does the same, cautiously: only for a transaction older than
 * twice its producer's timeout whose coordinator has fenced that epoch or runs no transaction on the partition,
 * and never while the coordinator is still writing markers.
 */
public final class HangingTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(HangingTransactions.class);
    /** The grace when the coordinator no longer knows the producer: Kafka's longest default timeout, twice. */
    private static final Duration UNKNOWN_PRODUCER_GRACE = Duration.ofMinutes(30);
    private static final Set<TransactionState> WRITING_MARKERS = Set.of(TransactionState.PREPARE_COMMIT,
            TransactionState.PREPARE_ABORT, TransactionState.PREPARE_EPOCH_FENCE);

    private HangingTransactions() {}

    /**
     * Whether the transaction open on {@code partition} hangs.
     *
     * @param onPartition what the partition's leader knows of the producer
     * @param coordinator what the producer's transaction coordinator knows of it, empty when nothing
     * @param nowMillis   the time now, on the clock the producer stamps its records with
     */
    static boolean isHanging(TopicPartition partition, ProducerState onPartition,
                             Optional<TransactionDescription> coordinator, long nowMillis) {
        if (onPartition.currentTransactionStartOffset().isEmpty()) {
            return false;
        }
        long age = nowMillis - onPartition.lastTimestamp();
        if (coordinator.isEmpty()) {
            return age > UNKNOWN_PRODUCER_GRACE.toMillis();
        }
        TransactionDescription current = coordinator.get();
        if (WRITING_MARKERS.contains(current.state()) || age <= 2L * current.transactionTimeoutMs()) {
            return false;
        }
        boolean fenced = current.producerEpoch() > onPartition.producerEpoch();
        boolean runsIt = current.state() == TransactionState.ONGOING && current.topicPartitions().contains(partition);
        return fenced || !runsIt;
    }

    /**
     * Every partition of the cluster, internal topics included: a transaction's consumer offsets wait in
     * {@code __consumer_offsets}, and while they hang there a consumer reading only committed records cannot even
     * learn where to start (its offset fetch is answered "unstable" for good), so its service stops as surely as
     * if its input hung.
     *
     * @throws ExecutionException when the cluster cannot be asked
     */
    public static List<TopicPartition> everyPartition(Admin admin) throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = new ArrayList<>();
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        admin.describeTopics(topics).allTopicNames().get().values().forEach(topic ->
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
        return partitions;
    }

    /**
     * Aborts every hanging transaction on {@code partitions} and says which: one line of log each.
     *
     * @throws ExecutionException when the cluster cannot be asked
     */
    public static List<AbortTransactionSpec> abortOn(Admin admin, List<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        List<AbortTransactionSpec> aborted = new ArrayList<>();
        Map<TopicPartition, PartitionProducerState> producers = admin.describeProducers(partitions).all().get();
        for (Map.Entry<TopicPartition, PartitionProducerState> entry : producers.entrySet()) {
            for (ProducerState producer : entry.getValue().activeProducers()) {
                if (producer.currentTransactionStartOffset().isEmpty()) {
                    continue;
                }
                Optional<TransactionDescription> coordinator = coordinatorOf(admin, producer.producerId());
                if (isHanging(entry.getKey(), producer, coordinator, System.currentTimeMillis())) {
                    AbortTransactionSpec spec = new AbortTransactionSpec(entry.getKey(), producer.producerId(),
                            (short) producer.producerEpoch(), producer.coordinatorEpoch().orElse(-1));
                    admin.abortTransaction(spec).all().get();
                    aborted.add(spec);
                    LOG.warn("Aborted a hanging transaction on {}: producer {} epoch {}, open since offset {}; the "
                                    + "coordinator {}", entry.getKey(), producer.producerId(), producer.producerEpoch(),
                            producer.currentTransactionStartOffset().getAsLong(),
                            coordinator.map(c -> "is at epoch " + c.producerEpoch() + ", " + c.state())
                                    .orElse("no longer knows the producer"));
                }
            }
        }
        return aborted;
    }

    private static Optional<TransactionDescription> coordinatorOf(Admin admin, long producerId)
            throws ExecutionException, InterruptedException {
        List<TransactionListing> listings = new ArrayList<>(admin.listTransactions(
                new ListTransactionsOptions().filterProducerIds(Set.of(producerId))).all().get());
        if (listings.isEmpty()) {
            return Optional.empty();
        }
        String transactionalId = listings.get(0).transactionalId();
        return Optional.of(admin.describeTransactions(List.of(transactionalId)).all().get().get(transactionalId));
    }
}
