package dev.lodestone.search.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void aSmallRunMeasuresAndPrintsEveryTarget() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SearchBenchmark.Result result = SearchBenchmark.run(2_000, dir,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(2_000, result.articles());
        assertTrue(result.articlesPerSecond() > 0);
        assertTrue(result.bytesPerArticle() > 500, "every article leaves text and doc values on disk");
        assertTrue(result.p50Millis() > 0 && result.p99Millis() >= result.p50Millis());
        assertEquals(10, result.p50ByQuery().size());
        String report = printed.toString(StandardCharsets.UTF_8);
        for (String line : new String[] {"Indexing:", "articles/s", "bytes per article", "p50", "p99", "Heap used"}) {
            assertTrue(report.contains(line), report);
        }
    }
}
