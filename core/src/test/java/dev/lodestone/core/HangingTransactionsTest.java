package dev.lodestone.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The cases are those of a transaction analyze left on {@code lodestone.tagged-0} when the pipeline was killed. */
class HangingTransactionsTest {
    private static final TopicPartition TAGGED_0 = new TopicPartition(Topics.TAGGED, 0);
    private static final long NOW = 1_795_794_400_000L;
    private static final long TIMEOUT = 15_000;
    private static final long LONG_AGO = NOW - 60_000;

    @Test
    void aTransactionOfAnEpochItsCoordinatorHasFencedHangs() {
        assertTrue(HangingTransactions.isHanging(TAGGED_0, openSince(LONG_AGO, 13),
                coordinator(TransactionState.EMPTY, 15, Set.of()), NOW));
    }

    @Test
    void aTransactionItsCoordinatorRunsOnThePartitionIsLeftAlone() {
        assertFalse(HangingTransactions.isHanging(TAGGED_0, openSince(LONG_AGO, 13),
                coordinator(TransactionState.ONGOING, 13, Set.of(TAGGED_0)), NOW));
    }

    @Test
    void aTransactionItsCoordinatorFinishedWithoutThePartitionHangs() {
        assertTrue(HangingTransactions.isHanging(TAGGED_0, openSince(LONG_AGO, 13),
                coordinator(TransactionState.COMPLETE_COMMIT, 13, Set.of()), NOW));
    }

    @Test
    void aTransactionYoungerThanTwiceItsTimeoutIsLeftAlone() {
        assertFalse(HangingTransactions.isHanging(TAGGED_0, openSince(NOW - 2 * TIMEOUT, 13),
                coordinator(TransactionState.EMPTY, 15, Set.of()), NOW));
    }

    @Test
    void nothingIsAbortedWhileTheCoordinatorWritesItsMarkers() {
        assertFalse(HangingTransactions.isHanging(TAGGED_0, openSince(LONG_AGO, 13),
                coordinator(TransactionState.PREPARE_COMMIT, 14, Set.of(TAGGED_0)), NOW));
    }

    @Test
    void aTransactionOfAProducerItsCoordinatorForgotHangsOnlyAfterHalfAnHour() {
        assertFalse(HangingTransactions.isHanging(TAGGED_0, openSince(LONG_AGO, 13), Optional.empty(), NOW));
        assertTrue(HangingTransactions.isHanging(TAGGED_0, openSince(NOW - 31 * 60_000, 13), Optional.empty(), NOW));
    }

    @Test
    void aProducerWithNoOpenTransactionDoesNotHang() {
        ProducerState closed = new ProducerState(1, 13, 0, LONG_AGO, OptionalInt.of(2), OptionalLong.empty());
        assertFalse(HangingTransactions.isHanging(TAGGED_0, closed, Optional.empty(), NOW));
    }

    private static ProducerState openSince(long lastWrite, int epoch) {
        return new ProducerState(1, epoch, 0, lastWrite, OptionalInt.of(2), OptionalLong.of(10));
    }

    private static Optional<TransactionDescription> coordinator(TransactionState state, int epoch, Set<TopicPartition> partitions) {
        return Optional.of(new TransactionDescription(1, state, 1, epoch, TIMEOUT, OptionalLong.empty(), partitions));
    }
}
