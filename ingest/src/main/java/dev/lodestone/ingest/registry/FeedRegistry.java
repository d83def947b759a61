package dev.lodestone.ingest.registry;

import dev.lodestone.core.FeedState;
import dev.lodestone.core.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The feed registry as {@code lodestone feeds} lists it: the latest {@link FeedState} of every feed on the
 * compacted {@link Topics#FEEDS} topic, whichever ingest instance wrote it.
 */
public final class FeedRegistry {
    private FeedRegistry() {}

    /** The latest state per feed, sorted by feed URL; a feed whose latest record is a tombstone is gone. */
    public static List<FeedState> read(String bootstrapServers) {
        Map<String, FeedState> latest = new TreeMap<>();
        TopicSnapshot.read(bootstrapServers, Topics.FEEDS, FeedState.class, (url, state) -> {
            if (state == null) {
                latest.remove(url);
            } else {
                latest.put(url, state);
            }
        });
        return new ArrayList<>(latest.values());
    }
}
