package dev.lodestone.search;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for something asynchronous, such as the indexer, to catch up. */
public final class Eventually {
    private Eventually() {}

    /** Polls {@code condition} until it holds, failing after {@code timeout} with {@code what}. */
    public static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
