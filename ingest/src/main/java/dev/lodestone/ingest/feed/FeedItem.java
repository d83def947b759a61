package dev.lodestone.ingest.feed;

import java.net.URI;
import java.time.Instant;

/**
 * One entry of a source's listing (a feed's item, a sitemap's URL, a section page's link), as the source
 * tells it: what ingest falls back on when the page itself cannot be fetched or says less.
 *
 * @param url         the entry's link, absolute http or https; null when it has none ingest could follow
 * @param guid        the entry's own identifier ({@code guid}, {@code id}), null when it has none
 * @param title       the entry's title, empty when it has none
 * @param summary     the description or content as plain text, empty when it has none
 * @param author      null when the feed names nobody
 * @param publishedAt the published (else updated) date, null when the feed gives none
 */
public record FeedItem(URI url, String guid, String title, String summary, String author, Instant publishedAt) {}
