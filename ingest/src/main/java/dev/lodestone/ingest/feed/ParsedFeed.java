package dev.lodestone.ingest.feed;

import java.util.List;

/**
 * A feed reduced to what ingest uses.
 *
 * @param title  the feed's own title, empty when it has none
 * @param format the dialect it was written in, as {@code rss_2.0}, {@code rss_1.0}, {@code atom_1.0},
 *               {@code atom_0.3} or {@code json_1.1}
 * @param items  every entry, in feed order, including those without a usable link
 */
public record ParsedFeed(String title, String format, List<FeedItem> items) {
    public ParsedFeed {
        items = List.copyOf(items);
    }

    /** The entries that link to a page ingest can fetch. */
    public List<FeedItem> linkedItems() {
        return items.stream().filter(item -> item.url() != null).toList();
    }
}
