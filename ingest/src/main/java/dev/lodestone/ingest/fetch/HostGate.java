package dev.lodestone.ingest.fetch;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One request at a time per host, however many feeds point at it. Entries exist only while a request to
 * the host is running or waiting, so the map stays as small as the number of hosts being fetched right now.
 */
final class HostGate {
    private final Map<String, Slot> slots = new HashMap<>();

    private static final class Slot {
        final Semaphore permit = new Semaphore(1);
        int users;
    }

    /** Waits up to {@code timeoutNanos} for the host's turn; false when the wait ran out. */
    boolean enter(String host, long timeoutNanos) throws InterruptedException {
        Slot slot;
        synchronized (slots) {
            slot = slots.computeIfAbsent(host, h -> new Slot());
            slot.users++;
        }
        boolean entered = false;
        try {
            entered = slot.permit.tryAcquire(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
            return entered;
        } finally {
            if (!entered) {
                leave(host, slot, false);
            }
        }
    }

    /** Ends the request to the host that {@link #enter} admitted. */
    void exit(String host) {
        Slot slot;
        synchronized (slots) {
            slot = slots.get(host);
        }
        leave(host, slot, true);
    }

    private void leave(String host, Slot slot, boolean release) {
        if (release) {
            slot.permit.release();
        }
        synchronized (slots) {
            if (--slot.users == 0) {
                slots.remove(host);
            }
        }
    }
}
