package dev.lodestone.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The feed targets on gofeed's test data, read from {@code ../shared/corpora} beside the repository and
 * skipped where it is absent (a user's clone does not have it).
 */
class FeedCorpusBenchmarkTest {
    private static final Path GOFEED = Path.of("../../shared/corpora/gofeed-testdata");

    @Test
    void itemFieldsAgreeWithGofeedInAtLeast95PercentOfTheCasesItExpectsOne() throws Exception {
        assumeTrue(Files.isDirectory(GOFEED), "gofeed test data not found at " + GOFEED.toAbsolutePath());

        FeedCorpusBenchmark.Result result = FeedCorpusBenchmark.run(GOFEED.resolve("translator"));

        assertTrue(result.overall() >= 0.95, () -> "agreement " + result.overall() + ": " + result.disagreements());
    }

    @Test
    void noFileOfTheGofeedTestDataCrashesTheCheckOrTakesMoreThanASecond() throws Exception {
        assumeTrue(Files.isDirectory(GOFEED), "gofeed test data not found at " + GOFEED.toAbsolutePath());

        try (FeedFileCheck check = new FeedFileCheck()) {
            for (Path file : FeedFileCheck.filesIn(GOFEED)) {
                long start = System.nanoTime();
                FeedFileReport report = check.check(file);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(Duration.ofSeconds(1)) <= 0, file + " took " + took);
                assertTrue(report.error() == null || !report.error().startsWith("parser failed"), report::toString);
            }
        }
    }
}
