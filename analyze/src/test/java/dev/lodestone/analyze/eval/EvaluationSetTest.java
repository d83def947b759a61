package dev.lodestone.analyze.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.analyze.watchlist.WatchlistLoader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationSetTest {
    @Test
    void theBundledSetHoldsCoverageNearMissesAndUnrelatedNews() {
        List<LabelledText> set = EvaluationSet.bundled();

        assertTrue(set.size() >= 120, "texts: " + set.size());
        long about = set.stream().filter(LabelledText::about).count();
        assertTrue(about >= 45 && set.size() - about >= 70, "about the deal: " + about);
    }

    @Test
    void everyLabelInTheBundledSetIsAnEntityOfTheBundledWatchlist() {
        Set<String> known = WatchlistLoader.bundled().byId().keySet();
        List<String> unknown = new ArrayList<>();
        for (LabelledText text : EvaluationSet.bundled()) {
            text.entities().stream().filter(id -> !known.contains(id)).forEach(id -> unknown.add(text.id() + ": " + id));
        }

        assertEquals(List.of(), unknown);
    }

    @Test
    void everyTextInTheBundledSetSaysWhyItIsThere() {
        assertEquals(List.of(), EvaluationSet.bundled().stream()
                .filter(text -> text.note().isBlank() || text.title().isBlank()).map(LabelledText::id).toList());
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumber() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/eval/broken-line.jsonl")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EvaluationSet.parse(in, "broken-line.jsonl"));
            assertTrue(e.getMessage().startsWith("broken-line.jsonl line 2: "), e.getMessage());
        }
    }

    @Test
    void anIdUsedTwiceIsRefusedWithTheLineOfTheSecond() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/eval/repeated-id.jsonl")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EvaluationSet.parse(in, "repeated-id.jsonl"));
            assertEquals("repeated-id.jsonl line 3: id 'one' is used twice", e.getMessage());
        }
    }
}
