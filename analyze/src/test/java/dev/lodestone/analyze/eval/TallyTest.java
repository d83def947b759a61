package dev.lodestone.analyze.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TallyTest {
    private static final double EXACT = 1e-9;

    @Test
    void precisionIsTheShareOfClaimsThatAreRight() {
        assertEquals(0.75, new Tally(3, 1, 5).precision(), EXACT);
    }

    @Test
    void recallIsTheShareOfTruthThatWasFound() {
        assertEquals(0.375, new Tally(3, 1, 5).recall(), EXACT);
    }

    @Test
    void f1IsTheHarmonicMeanOfPrecisionAndRecall() {
        assertEquals(2 * 0.75 * 0.375 / (0.75 + 0.375), new Tally(3, 1, 5).f1(), EXACT);
    }

    @Test
    void claimingNothingIsPreciseButFindsNothing() {
        Tally tally = new Tally(0, 0, 4);

        assertEquals(1.0, tally.precision(), EXACT);
        assertEquals(0.0, tally.recall(), EXACT);
        assertEquals(0.0, tally.f1(), EXACT);
    }

    @Test
    void withNothingToFindNothingIsMissed() {
        assertEquals(1.0, new Tally(0, 2, 0).recall(), EXACT);
        assertEquals(0.0, new Tally(0, 2, 0).precision(), EXACT);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Tally(-1, 0, 0));
    }
}
