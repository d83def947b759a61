package dev.lodestone.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The pipeline in a child process, killed with SIGKILL while articles are published, and its broker killed under
 * it: the index and a webhook receiver are counted against what was published. Small runs of
 * {@code lodestone bench crash}; a failure leaves the children's logs in the folder the message names.
 */
class CrashTest {
    private static final PrintStream PROGRESS = System.err;

    @Test
    void aPipelineKilledTwiceIndexesAndAlertsEveryArticleExactlyOnce() throws Exception {
        CrashBenchmark.Result result = CrashBenchmark.run(
                new CrashBenchmark.Settings(2, 40, CrashBenchmark.Victim.PIPELINE, Duration.ofSeconds(3), 7), PROGRESS);

        assertEquals(new CrashBenchmark.Articles(40, 40, 0, 0), result.articles(), result.table());
        // 40 articles match one rule and 14 (every third) the other.
        assertEquals(new CrashBenchmark.Alerts(54, 54, 0, 0, 0, result.alerts().resent()), result.alerts(),
                result.table());
    }

    @Test
    void aBrokerKilledUnderARunningPipelineLosesNothing() throws Exception {
        CrashBenchmark.Result result = CrashBenchmark.run(
                new CrashBenchmark.Settings(1, 24, CrashBenchmark.Victim.BROKER, Duration.ofSeconds(3), 11), PROGRESS);

        assertEquals(new CrashBenchmark.Articles(24, 24, 0, 0), result.articles(), result.table());
        assertEquals(new CrashBenchmark.Alerts(32, 32, 0, 0, 0, result.alerts().resent()), result.alerts(),
                result.table());
    }
}
