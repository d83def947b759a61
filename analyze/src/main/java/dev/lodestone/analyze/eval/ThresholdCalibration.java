package dev.lodestone.analyze.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the relevance from which a text counts as about the story, from texts labelled by hand.
 *
 * <p>Candidates lie halfway between neighbouring relevance values seen in the set (and just outside them),
 * so the threshold never sits on a score the set contains. The candidate with the best F1 wins; among equals,
 * the one in the widest gap between neighbouring scores, because it leaves the most room for texts the set
 * did not foresee.
 */
public final class ThresholdCalibration {
    private static final double OUTSIDE = 0.01;

    private ThresholdCalibration() {}

    /** The chosen threshold and the counts it gives on the set. */
    public record Calibrated(double threshold, Tally about) {}

    public static Calibrated calibrate(List<MentionEvaluation.Verdict> verdicts) {
        if (verdicts.isEmpty()) {
            throw new IllegalArgumentException("cannot calibrate on an empty set");
        }
        double[] scores = verdicts.stream().mapToDouble(MentionEvaluation.Verdict::relevance).sorted().distinct().toArray();
        List<double[]> candidates = new ArrayList<>();
        candidates.add(new double[] {scores[0] - OUTSIDE, OUTSIDE});
        for (int i = 1; i < scores.length; i++) {
            candidates.add(new double[] {(scores[i - 1] + scores[i]) / 2, scores[i] - scores[i - 1]});
        }
        candidates.add(new double[] {scores[scores.length - 1] + OUTSIDE, OUTSIDE});
        Calibrated best = null;
        double bestGap = 0;
        for (double[] candidate : candidates) {
            Tally tally = tally(verdicts, candidate[0]);
            boolean better = best == null || tally.f1() > best.about().f1()
                    || tally.f1() == best.about().f1() && candidate[1] > bestGap;
            if (better) {
                best = new Calibrated(candidate[0], tally);
                bestGap = candidate[1];
            }
        }
        return best;
    }

    private static Tally tally(List<MentionEvaluation.Verdict> verdicts, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (MentionEvaluation.Verdict v : verdicts) {
            boolean about = v.relevance() >= threshold;
            if (about && v.labelledAbout()) {
                tp++;
            } else if (about) {
                fp++;
            } else if (v.labelledAbout()) {
                fn++;
            }
        }
        return new Tally(tp, fp, fn);
    }
}
