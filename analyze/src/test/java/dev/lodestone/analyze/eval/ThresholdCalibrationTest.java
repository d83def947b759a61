package dev.lodestone.analyze.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdCalibrationTest {
    private static final double EXACT = 1e-9;

    private static MentionEvaluation.Verdict labelled(double relevance, boolean about) {
        return new MentionEvaluation.Verdict("t" + relevance, relevance, false, about);
    }

    @Test
    void separableScoresAreCutHalfwayBetweenTheClasses() {
        var best = ThresholdCalibration.calibrate(List.of(
                labelled(0.1, false), labelled(0.4, false), labelled(0.8, true), labelled(0.9, true)));

        assertEquals(0.6, best.threshold(), EXACT);
        assertEquals(new Tally(2, 0, 0), best.about());
    }

    @Test
    void theThresholdWithTheBestF1WinsOverAWiderGap() {
        var best = ThresholdCalibration.calibrate(List.of(
                labelled(0.0, false), labelled(0.5, false), labelled(0.6, true), labelled(0.7, true)));

        assertEquals(0.55, best.threshold(), EXACT);
    }

    @Test
    void amongEqualF1TheWidestGapWins() {
        var best = ThresholdCalibration.calibrate(List.of(
                labelled(0.1, false), labelled(0.2, true), labelled(0.3, false), labelled(0.4, false), labelled(0.9, true)));

        assertEquals(0.65, best.threshold(), EXACT);
        assertEquals(new Tally(1, 0, 1), best.about());
    }

    @Test
    void anEmptySetCannotBeCalibrated() {
        assertThrows(IllegalArgumentException.class, () -> ThresholdCalibration.calibrate(List.of()));
    }
}
