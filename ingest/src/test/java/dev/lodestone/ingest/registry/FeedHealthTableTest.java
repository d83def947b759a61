package dev.lodestone.ingest.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lodestone.core.FeedState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedHealthTableTest {
    private static final Instant NOON = Instant.parse("2025-10-04T12:00:00Z");

    @Test
    void listsFeedsNeedingAttentionFirstWithDeadOnesMarked() {
        FeedState healthy = new FeedState(FeedState.SCHEMA, "https://www.dawn.com/feeds/business", FeedState.FEED, "Dawn",
                NOON, NOON, null, 0, 200, 12, 24.5, NOON.plusSeconds(600));
        FeedState failing = new FeedState(FeedState.SCHEMA, "https://ex.org/rss", FeedState.FEED, "", NOON.minusSeconds(3600),
                NOON, "https://ex.org/rss: HTTP 503", 3, 503, 4, 2, NOON.plusSeconds(1800));
        FeedState dead = new FeedState(FeedState.SCHEMA, "https://gone.pk/feed", FeedState.FEED, "", null, NOON,
                "https://gone.pk/feed: connection refused", 9, 0, 0, 0, NOON.plusSeconds(3600));

        assertEquals("""
                FEED                                 STATUS   HTTP  FAILS  ITEMS  PER DAY  LAST SUCCESS       NEXT POLL          LAST ERROR
                https://gone.pk/feed                 dead     -     9      0      0        never              2025-10-04 13:00Z  https://gone.pk/feed: connection refused
                https://ex.org/rss                   failing  503   3      4      2        2025-10-04 11:00Z  2025-10-04 12:30Z  https://ex.org/rss: HTTP 503
                https://www.dawn.com/feeds/business  ok       200   0      12     24.5     2025-10-04 12:00Z  2025-10-04 12:10Z
                """, FeedHealthTable.render(List.of(healthy, failing, dead), NOON));
    }
}
