package dev.lodestone.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolitenessTest {
    private static final Politeness POLITENESS = Politeness.DEFAULT
            .withHostDelay(Duration.ofSeconds(1)).withMaxCrawlDelay(Duration.ofSeconds(10));

    @Test
    void withoutACrawlDelayTheHostDelayApplies() {
        assertEquals(Duration.ofSeconds(1), POLITENESS.delayFor(null));
    }

    @Test
    void aCrawlDelayShorterThanTheHostDelayDoesNotShortenIt() {
        assertEquals(Duration.ofSeconds(1), POLITENESS.delayFor(Duration.ofMillis(200)));
    }

    @Test
    void aCrawlDelayWithinTheBoundIsHonoured() {
        assertEquals(Duration.ofSeconds(5), POLITENESS.delayFor(Duration.ofSeconds(5)));
    }

    @Test
    void aCrawlDelayBeyondTheBoundIsCutToIt() {
        assertEquals(Duration.ofSeconds(10), POLITENESS.delayFor(Duration.ofHours(1)));
    }

    @Test
    void fewerThanOneAttemptIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> POLITENESS.withRetries(0, Duration.ofSeconds(1)));
    }
}
