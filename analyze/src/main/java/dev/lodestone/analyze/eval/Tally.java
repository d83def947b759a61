package dev.lodestone.analyze.eval;

/**
 * Counts of one binary decision over a set, and the measures derived from them.
 *
 * <p>Precision is 1 when nothing was predicted and recall is 1 when there was nothing to find: a tagger
 * that claims nothing has made no false claim, and one that has nothing to find has missed nothing. F1 is
 * 0 when both are 0.
 */
public record Tally(int truePositives, int falsePositives, int falseNegatives) {
    public Tally {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    public double recall() {
        int actual = truePositives + falseNegatives;
        return actual == 0 ? 1.0 : (double) truePositives / actual;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
