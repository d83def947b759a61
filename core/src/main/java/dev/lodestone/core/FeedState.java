package dev.lodestone.core;

import java.time.Instant;

/**
 * The registry entry and health of one feed, kept on the compacted {@link Topics#FEEDS} topic keyed by
 * feed URL, so the latest state of every feed survives restarts and is visible to every instance.
 *
 * @param type                {@code feed}, {@code sitemap} or {@code section} (a page whose new links are followed)
 * @param lastError           the last failure in one line, null once the feed succeeds again
 * @param consecutiveFailures polls failed in a row; 0 after a success
 * @param httpStatus          status of the last response, 0 when none came
 * @param itemsSeen           new items found in the feed since this instance started
 * @param itemsPerDay         the feed's publishing rate, from the dates of its recent items; it sets the poll interval
 */
public record FeedState(
        int schema,
        String url,
        String type,
        String title,
        Instant lastSuccess,
        Instant lastAttempt,
        String lastError,
        int consecutiveFailures,
        int httpStatus,
        long itemsSeen,
        double itemsPerDay,
        Instant nextPoll) {

    public static final int SCHEMA = 1;
    public static final String FEED = "feed";
    public static final String SITEMAP = "sitemap";
    public static final String SECTION = "section";
}
