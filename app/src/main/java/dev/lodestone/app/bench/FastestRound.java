package dev.lodestone.app.bench;

import java.util.function.LongSupplier;

/**
 * The best of several rounds of the same work, after one round to warm up: what a stage alone can do, which one
 * round measures poorly (on this machine a single round of extraction varied by a quarter from run to run).
 */
final class FastestRound {
    /** One round of the work measured. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private FastestRound() {}

    /**
     * @param clock what a round is measured by, in nanoseconds: {@link System#nanoTime} for elapsed time, or the
     *              process's CPU time
     * @return the least the clock advanced over one round
     */
    static long of(int rounds, LongSupplier clock, Work work) throws Exception {
        work.run();
        long fastest = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long start = clock.getAsLong();
            work.run();
            fastest = Math.min(fastest, clock.getAsLong() - start);
        }
        return fastest;
    }
}
