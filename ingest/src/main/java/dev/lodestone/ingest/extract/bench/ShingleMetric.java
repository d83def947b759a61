package dev.lodestone.ingest.extract.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring rule of the public article-extraction benchmark, ported from its {@code score.py} so that
 * Java and Python agree to the last digit: both texts are cut into {@code \w+} tokens, the tokens into
 * 4-token shingles counted as multisets, and each page's shared, predicted-only and true-only shingles
 * are divided by their sum so that every page weighs the same.
 *
 * <p>Python's {@code \w} on text is narrower than it looks: letters, every kind of number
 * (decimal, letter and other numbers such as ² or ½) and the underscore, but not combining marks, so a
 * Devanagari word splits at its vowel signs. {@link #isWordChar} reproduces exactly that.
 */
public final class ShingleMetric {
    private static final int SHINGLE = 4;

    private ShingleMetric() {}

    /**
     * One page's shared, predicted-only and true-only shingles, as fractions of their sum (all zero when
     * both texts are empty).
     */
    public record PageCounts(double truePositive, double falsePositive, double falseNegative) {
        /** Python's {@code prec}: a page with nothing wrong is perfect, one with nothing predicted is zero. */
        public double precision() {
            if (falsePositive == 0 && falseNegative == 0) {
                return 1;
            }
            return truePositive == 0 && falsePositive == 0 ? 0 : truePositive / (truePositive + falsePositive);
        }

        public double recall() {
            if (falsePositive == 0 && falseNegative == 0) {
                return 1;
            }
            return truePositive == 0 && falseNegative == 0 ? 0 : truePositive / (truePositive + falseNegative);
        }
    }

    /** Means over pages, and F1 of the means. */
    public record Score(double f1, double precision, double recall, int pages) {}

    public static PageCounts page(String truth, String predicted) {
        Map<List<String>, Integer> expected = shingles(truth);
        Map<List<String>, Integer> got = shingles(predicted);
        Set<List<String>> all = new HashSet<>(expected.keySet());
        all.addAll(got.keySet());
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (List<String> shingle : all) {
            int a = expected.getOrDefault(shingle, 0);
            int b = got.getOrDefault(shingle, 0);
            tp += Math.min(a, b);
            fp += Math.max(0, b - a);
            fn += Math.max(0, a - b);
        }
        double sum = tp + fp + fn;
        return sum == 0 ? new PageCounts(0, 0, 0) : new PageCounts(tp / sum, fp / sum, fn / sum);
    }

    /**
     * As {@code score.py}: a page enters the precision mean only if something was predicted or shared,
     * and the recall mean only if it had something to find.
     */
    public static Score mean(List<PageCounts> pages) {
        double precisionSum = 0;
        int precisionPages = 0;
        double recallSum = 0;
        int recallPages = 0;
        for (PageCounts page : pages) {
            if (page.truePositive() + page.falsePositive() > 0) {
                precisionSum += page.precision();
                precisionPages++;
            }
            if (page.truePositive() + page.falseNegative() > 0) {
                recallSum += page.recall();
                recallPages++;
            }
        }
        double precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        double recall = recallPages == 0 ? 0 : recallSum / recallPages;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Score(f1, precision, recall, pages.size());
    }

    /** Python's {@code re.findall(r'\w+', text)}. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (isWordChar(codePoint)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }

    static boolean isWordChar(int codePoint) {
        if (codePoint == '_' || Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** Shorter texts than one shingle give one short shingle, as Python's slicing does; none gives none. */
    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - SHINGLE + 1); i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + SHINGLE));
            if (!shingle.isEmpty()) {
                counts.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return counts;
    }
}
