package dev.lodestone.analyze.story;

import java.util.function.IntConsumer;

/**
 * The locality-sensitive-hashing buckets: a multimap from a band key to the slots of the articles whose
 * signature has that band, in one open-addressing {@code long[]} (key in the high half, slot + 1 in the low).
 *
 * <p>Every remembered article puts 64 keys here, so with tens of thousands of
 * articles a map of boxed keys and lists would cost several times the signatures themselves. Linear probing
 * with backward-shift deletion keeps removal exact (no tombstones) as the window slides.
 */
final class BandIndex {
    private static final int INITIAL_CAPACITY = 1024;

    private long[] cells = new long[INITIAL_CAPACITY];
    private int size;

    void add(int key, int slot) {
        if (2 * (size + 1) > cells.length) {
            long[] old = cells;
            cells = new long[old.length * 2];
            for (long cell : old) {
                if (cell != 0) {
                    insert(cells, cell);
                }
            }
        }
        insert(cells, pack(key, slot));
        size++;
    }

    /** Removes one (key, slot) pair; nothing happens when it is absent. */
    void remove(int key, int slot) {
        long target = pack(key, slot);
        int mask = cells.length - 1;
        int hole = home(key, mask);
        while (cells[hole] != target) {
            if (cells[hole] == 0) {
                return;
            }
            hole = (hole + 1) & mask;
        }
        for (int j = (hole + 1) & mask; cells[j] != 0; j = (j + 1) & mask) {
            int home = home(keyOf(cells[j]), mask);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                cells[hole] = cells[j];
                hole = j;
            }
        }
        cells[hole] = 0;
        size--;
    }

    /** Calls {@code action} with the slot of every pair with this key (a slot twice if it was added twice). */
    void forEach(int key, IntConsumer action) {
        int mask = cells.length - 1;
        for (int i = home(key, mask); cells[i] != 0; i = (i + 1) & mask) {
            if (keyOf(cells[i]) == key) {
                action.accept(slotOf(cells[i]));
            }
        }
    }

    int size() {
        return size;
    }

    private static void insert(long[] table, long cell) {
        int mask = table.length - 1;
        int i = home(keyOf(cell), mask);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = cell;
    }

    private static long pack(int key, int slot) {
        return ((long) key << 32) | ((slot + 1) & 0xFFFFFFFFL);
    }

    private static int keyOf(long cell) {
        return (int) (cell >>> 32);
    }

    private static int slotOf(long cell) {
        return (int) cell - 1;
    }

    /** Keys are band hashes, already well mixed, so their low bits are the home cell. */
    private static int home(int key, int mask) {
        return key & mask;
    }
}
