package dev.lodestone.analyze.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandIndexTest {
    private final BandIndex index = new BandIndex();

    private List<Integer> slotsOf(int key) {
        List<Integer> slots = new ArrayList<>();
        index.forEach(key, slots::add);
        return slots;
    }

    @Test
    void removingOnePairKeepsThePairsProbedPastIt() {
        index.add(7, 1);
        index.add(7 + 1024, 2);
        index.add(7, 3);
        index.add(8, 4);

        index.remove(7, 1);

        assertEquals(List.of(3), slotsOf(7));
        assertEquals(List.of(2), slotsOf(7 + 1024));
        assertEquals(List.of(4), slotsOf(8));
        assertEquals(3, index.size());
    }

    @Test
    void everyPairIsFoundAfterTheTableGrows() {
        for (int slot = 0; slot < 10_000; slot++) {
            index.add(slot * 31, slot);
        }

        for (int slot = 0; slot < 10_000; slot++) {
            assertEquals(List.of(slot), slotsOf(slot * 31));
        }
    }

    @Test
    void removingAnAbsentPairChangesNothing() {
        index.add(5, 1);

        index.remove(5, 2);

        assertEquals(List.of(1), slotsOf(5));
    }
}
