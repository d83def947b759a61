package dev.lodestone.analyze.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.analyze.story.StoryEvaluation.LabelledArticle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StoryEvaluationTest {

    @Test
    void theBundledSetReachesPairwisePrecisionAndRecallOf95Percent() {
        StoryEvaluation.Result result = StoryEvaluation.evaluate(LabelledSet.ARTICLES,
                StoryClusterer.Settings.DEFAULT);

        assertTrue(result.precision() >= 0.95, result.toString());
        assertTrue(result.recall() >= 0.95, result.toString());
    }

    @Test
    void theBundledSetHasTwelveStoriesOfTwoToFourCopiesAndFifteenNearMisses() {
        Map<String, Long> copies = LabelledSet.ARTICLES.stream()
                .collect(Collectors.groupingBy(LabelledArticle::story, Collectors.counting()));

        assertTrue(copies.values().stream().filter(n -> n >= 2 && n <= 4).count() >= 12, copies.toString());
        assertTrue(copies.values().stream().filter(n -> n == 1).count() >= 15, copies.toString());
        assertEquals(0, copies.values().stream().filter(n -> n > 4).count(), copies.toString());
    }

    @Test
    void twoCopiesLabelledAsDifferentStoriesCostPrecisionNotRecall() {
        String body = LabelledSet.body("reko-diq-financing-wire");
        List<LabelledArticle> mislabelled = List.of(
                new LabelledArticle("a", "a1", "A", body),
                new LabelledArticle("b", "b1", "B", body));

        StoryEvaluation.Result result = StoryEvaluation.evaluate(mislabelled, StoryClusterer.Settings.DEFAULT);

        assertEquals(0.0, result.precision());
        assertEquals(1.0, result.recall());
        assertEquals(List.of("merged: [a1, b1]"), result.mistakes());
    }

    @Test
    void aHeaderWithoutATitleLineIsRefusedNamingTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoryEvaluation.parse("# set\n=== story a1\nbody without a title\n"));

        assertTrue(e.getMessage().startsWith("line 3:"), e.getMessage());
    }

    @Test
    void theSyntheticStreamIsTheSameForTheSameSeed() {
        assertEquals(StoryEvaluation.syntheticStream(500, 9), StoryEvaluation.syntheticStream(500, 9));
    }
}
