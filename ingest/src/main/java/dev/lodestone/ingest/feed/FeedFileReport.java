package dev.lodestone.ingest.feed;

import dev.lodestone.core.Json;

/**
 * What {@code lodestone parse-feed} says about one file.
 *
 * @param file   the path as given
 * @param ok     whether the file is a feed ingest can read
 * @param format the dialect, as {@link ParsedFeed#format()}; null when not ok
 * @param items  the number of entries; 0 when not ok
 * @param error  why the file could not be read, in one line; null when ok
 */
public record FeedFileReport(String file, boolean ok, String format, int items, String error) {
    static FeedFileReport read(String file, ParsedFeed feed) {
        return new FeedFileReport(file, true, feed.format(), feed.items().size(), null);
    }

    static FeedFileReport failed(String file, String error) {
        return new FeedFileReport(file, false, null, 0, error);
    }

    /** {@code {"file":...,"ok":...,"format":...,"items":...,"error":...}} on one line. */
    public String toJsonLine() {
        return Json.toString(this);
    }
}
