package dev.lodestone.ingest.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One request at a time per host, however many feeds point at it, and a pause after each request before
 * the host's next one, so a feed listing twenty new pages on one site reaches it as a trickle, not a burst.
 *
 * <p>A host's entry lives while a request to it runs or waits, or its pause has not yet ended; entries past
 * both are dropped on the next {@link #enter}, so the map holds only the hosts fetched in the last few
 * seconds. Waiters take their turn in arrival order.
 */
final class HostGate {
    private final Map<String, Slot> slots = new HashMap<>();

    private static final class Slot {
        final Semaphore permit = new Semaphore(1, true);
        int users;
        /** {@link System#nanoTime()} before which the host's next request must not start; written under the permit. */
        volatile long notBefore;

        Slot(long now) {
            notBefore = now;
        }

        boolean idle(long now) {
            return users == 0 && notBefore - now <= 0;
        }
    }

    /**
     * Waits for the host's turn and the end of its pause after the previous request.
     *
     * @param deadline the {@link System#nanoTime()} by which the turn must come
     * @return false when it would come only after the deadline
     */
    boolean enter(String host, long deadline) throws InterruptedException {
        Slot slot;
        synchronized (slots) {
            long now = System.nanoTime();
            slots.values().removeIf(idle -> idle.idle(now));
            slot = slots.computeIfAbsent(host, h -> new Slot(now));
            slot.users++;
        }
        boolean acquired = false;
        boolean entered = false;
        try {
            acquired = slot.permit.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (acquired && slot.notBefore - deadline < 0) {
                TimeUnit.NANOSECONDS.sleep(slot.notBefore - System.nanoTime());
                entered = true;
            }
            return entered;
        } finally {
            if (!entered) {
                leave(slot, acquired);
            }
        }
    }

    /** Ends the request to the host that {@link #enter} admitted; its next request waits {@code pause} more. */
    void exit(String host, Duration pause) {
        Slot slot;
        synchronized (slots) {
            slot = slots.get(host);
        }
        slot.notBefore = System.nanoTime() + pause.toNanos();
        leave(slot, true);
    }

    private void leave(Slot slot, boolean release) {
        if (release) {
            slot.permit.release();
        }
        synchronized (slots) {
            slot.users--;
        }
    }
}
