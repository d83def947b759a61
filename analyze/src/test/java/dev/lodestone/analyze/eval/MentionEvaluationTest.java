package dev.lodestone.analyze.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.analyze.relevance.DealRelevance;
import dev.lodestone.analyze.tag.MentionTagger;
import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.analyze.watchlist.WatchlistLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluator on a five-text set whose counts are worked out by hand in {@code eval/tiny.jsonl}: 7 entities
 * found, 1 false alarm (fine china), 2 misses (Islamabad and Pakistani are not aliases of the tiny watch-list);
 * about: 1 right, 1 missed, 1 false alarm.
 */
class MentionEvaluationTest {
    private static final double EXACT = 1e-9;

    private final MentionEvaluation.Result result = evaluateTinySet();

    private static MentionEvaluation.Result evaluateTinySet() {
        Watchlist watchlist = WatchlistLoader.load(resource("/relevance/deal-watchlist.yml"));
        List<LabelledText> set = EvaluationSet.load(resource("/eval/tiny.jsonl"));
        return MentionEvaluation.run(set, new MentionTagger(watchlist), new DealRelevance(watchlist));
    }

    private static Path resource(String name) {
        try {
            return Path.of(MentionEvaluationTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void entityPairsAreCountedOncePerTextAndEntity() {
        assertEquals(new Tally(7, 1, 2), result.entities());
    }

    @Test
    void entityPrecisionRecallAndF1AreMicroAveraged() {
        assertEquals(7.0 / 8, result.entities().precision(), EXACT);
        assertEquals(7.0 / 9, result.entities().recall(), EXACT);
        assertEquals(14.0 / 17, result.entities().f1(), EXACT);
    }

    @Test
    void aboutIsScoredPerText() {
        assertEquals(new Tally(1, 1, 1), result.about());
        assertEquals(0.5, result.about().f1(), EXACT);
    }

    @Test
    void missesAndFalseAlarmsNameTheTextAndTheEntity() {
        assertEquals(List.of(new MentionEvaluation.EntityError("capital", "pakistan"),
                new MentionEvaluation.EntityError("adjective", "pakistan")), result.missed());
        assertEquals(List.of(new MentionEvaluation.EntityError("porcelain", "china")), result.falseAlarms());
    }

    @Test
    void everyTextGetsAVerdictBesideItsLabel() {
        assertEquals(List.of("found", "porcelain", "capital", "adjective", "trade"),
                result.verdicts().stream().map(MentionEvaluation.Verdict::textId).toList());
        MentionEvaluation.Verdict trade = result.verdicts().get(4);
        assertEquals(true, trade.about());
        assertEquals(false, trade.labelledAbout());
    }
}
