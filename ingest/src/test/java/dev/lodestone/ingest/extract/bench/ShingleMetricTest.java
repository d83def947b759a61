package dev.lodestone.ingest.extract.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.ingest.extract.bench.ShingleMetric.PageCounts;
import dev.lodestone.ingest.extract.bench.ShingleMetric.Score;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShingleMetricTest {
    @Test
    void tokensAreWordCharactersAsPythonReadsThem() {
        assertEquals(List.of("US_Strategic", "Metals", "500", "x²", "½"), ShingleMetric.tokens("US_Strategic-Metals: $500 x² ½!"));
    }

    @Test
    void combiningMarksSplitWordsAsInPython() {
        // re.findall(r'\w+', 'हिन्दी') == ['ह', 'न', 'द']: vowel signs and the virama are not \w.
        assertEquals(List.of("ह", "न", "द"), ShingleMetric.tokens("हिन्दी"));
    }

    @Test
    void identicalTextsScoreOne() {
        PageCounts page = ShingleMetric.page("Pakistan ships antimony to the US", "Pakistan ships antimony to the US");
        assertEquals(1, page.precision());
        assertEquals(1, page.recall());
    }

    @Test
    void sharedPredictedOnlyAndTrueOnlyShinglesAreFractionsOfTheirSum() {
        // truth shingles: [a b c d], [b c d e]; predicted: [a b c d], [b c d x]
        PageCounts page = ShingleMetric.page("a b c d e", "a b c d x");
        assertEquals(new PageCounts(1 / 3.0, 1 / 3.0, 1 / 3.0), page);
        assertEquals(0.5, page.precision());
    }

    @Test
    void aTextShorterThanAShingleIsOneShortShingle() {
        assertEquals(1, ShingleMetric.page("Reko Diq", "Reko Diq").truePositive());
        assertEquals(0, ShingleMetric.page("Reko Diq", "Reko").truePositive());
    }

    @Test
    void aPageWithNothingPredictedCountsOnlyTowardsRecall() {
        Score score = ShingleMetric.mean(List.of(ShingleMetric.page("a b c d", "a b c d"), ShingleMetric.page("a b c d", "")));
        assertEquals(1, score.precision());
        assertEquals(0.5, score.recall());
        assertEquals(2 / 3.0, score.f1(), 1e-12);
    }
}
