package dev.lodestone.ingest.extract.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.ingest.extract.bench.ExtractionBenchmark.Result;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The targets of the issue, on the shared benchmark; skipped where the benchmark is absent. */
class ExtractionBenchmarkTest {
    private static Result result;

    @BeforeAll
    static void run() throws IOException {
        result = ExtractionBenchmark.run(SharedData.require("benchmarks/article-extraction"));
    }

    @Test
    void bodyF1IsAtLeast0970() {
        assertTrue(result.ours().f1() >= 0.970, () -> "F1 " + result.ours().f1());
    }

    @Test
    void peersAreRescoredAsTheBenchmarkPublishesThem() {
        assertEquals(0.963, result.peers().get("trafilatura").f1(), 0.0005);
        assertEquals(0.950, result.peers().get("readability_js").f1(), 0.0005);
    }

    @Test
    void everyPageIsScored() {
        assertEquals(91, result.ours().pages());
    }
}
