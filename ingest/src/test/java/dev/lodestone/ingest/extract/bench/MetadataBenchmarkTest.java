package dev.lodestone.ingest.extract.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.ingest.extract.bench.MetadataBenchmark.FieldScore;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Metadata agreement with Readability's test pages; skipped where the corpus is absent. The floors are
 * today's measured rates, so a change that loses ground fails here.
 */
class MetadataBenchmarkTest {
    private static Map<String, FieldScore> fields;

    @BeforeAll
    static void run() throws IOException {
        fields = MetadataBenchmark.run(SharedData.require("corpora/readability-pages")).fields().stream()
                .collect(Collectors.toMap(FieldScore::field, field -> field));
    }

    private static void assertAtLeast(String field, double floor) {
        FieldScore score = fields.get(field);
        assertTrue(score.rate() >= floor, () -> field + " " + score.rate() + ", misses " + score.misses());
    }

    @Test
    void languageAgreesOnAtLeast95PercentOfPages() {
        assertAtLeast("lang", 0.95);
    }

    @Test
    void publishedTimeAgreesToTheDayOnAtLeast80PercentOfPages() {
        assertAtLeast("publishedTime", 0.80);
    }

    @Test
    void titleAgreesOnAtLeast75PercentOfPages() {
        assertAtLeast("title", 0.75);
    }
}
