package dev.lodestone.ingest.feed;

import java.util.List;

/**
 * A feed reduced to what ingest uses.
 *
 * @param title the feed's own title, empty when it has none
 * @param items the entries that link to an http or https page, in feed order
 */
public record ParsedFeed(String title, List<FeedItem> items) {
    public ParsedFeed {
        items = List.copyOf(items);
    }
}
