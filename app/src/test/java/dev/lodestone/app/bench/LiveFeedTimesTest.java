package dev.lodestone.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveFeedTimesTest {
    private final LiveFeedTimes times = new LiveFeedTimes();

    private void event(String name, String data, long nanos) {
        times.line("event: " + name, nanos);
        times.line("data: " + data, nanos);
        times.line("", nanos);
    }

    @Test
    void anArticleEventMarksTheArticleSearchableWhenItArrived() {
        event("article", "{\"id\":\"a1\",\"title\":\"FWO signs MoU\"}", 100);

        assertEquals(Map.of("a1", 100L), times.searchableAt());
        assertEquals(Map.of(), times.alertedAt());
    }

    @Test
    void eachArticleOfAnAlertIsAlertedWhenItFirstJoinedIt() {
        event("alert", "{\"id\":\"rule:story\",\"kind\":\"new\",\"articleIds\":[\"a1\"]}", 100);
        event("alert", "{\"id\":\"rule:story\",\"kind\":\"copy\",\"articleIds\":[\"a1\",\"a2\"]}", 250);

        assertEquals(Map.of("a1", 100L, "a2", 250L), times.alertedAt());
        assertEquals(Map.of(), times.searchableAt());
    }

    @Test
    void commentsAndDataOfOtherEventsAreIgnored() {
        times.line(": listening", 50);
        event("story", "{\"id\":\"s1\",\"articleIds\":[\"a1\"]}", 100);
        times.line("data: {\"id\":\"a2\"}", 150);

        assertEquals(Map.of(), times.searchableAt());
        assertEquals(Map.of(), times.alertedAt());
    }
}
