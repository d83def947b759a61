package dev.lodestone.analyze.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.analyze.watchlist.WatchlistLoader;
import org.junit.jupiter.api.Test;

class TaggerBenchmarkTest {
    @Test
    void theSameSeedGivesTheSameText() {
        assertEquals(TaggerBenchmark.articles(0.2, 7), TaggerBenchmark.articles(0.2, 7));
    }

    @Test
    void aRunTagsTheRequestedTextAndFindsMentions() {
        TaggerBenchmark.Result result = TaggerBenchmark.run(WatchlistLoader.bundled(), 0.5, 42);

        assertTrue(result.megabytes() >= 0.5, result.row());
        assertTrue(result.mentions() > 100, result.row());
    }
}
