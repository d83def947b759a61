package dev.lodestone.ingest.feed;

import dev.lodestone.core.Article;
import dev.lodestone.core.FeedState;
import dev.lodestone.ingest.extract.ArticleExtractor;
import dev.lodestone.ingest.extract.ExtractedArticle;
import dev.lodestone.ingest.fetch.FetchException;
import dev.lodestone.ingest.fetch.FetchResponse;
import dev.lodestone.ingest.fetch.HttpFetcher;
import dev.lodestone.ingest.fetch.Validators;
import dev.lodestone.ingest.url.UrlCanonicalizer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: fetches it (conditionally, so an unchanged feed costs its server a 304), finds the items
 * not seen before, reads each one's page and hands the resulting {@link Article}s on, then reports the
 * feed's health as a {@link FeedState}.
 *
 * <p>Every failure is contained: a feed that cannot be fetched or parsed is reported in its state and
 * polled again next time; a page that cannot be fetched or read is replaced by the feed item's own title
 * and summary. The next poll follows the feed's {@link PollSchedule}: sooner for a busy feed, later for a
 * quiet or failing one. Not thread-safe: polls of one feed must not overlap, which a fixed-delay schedule ensures.
 */
public final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final URI feedUrl;
    private final PollSchedule schedule;
    private final HttpFetcher fetcher;
    private final SeenArticles seen;
    private final Clock clock;

    private Validators validators = Validators.NONE;
    private String title = "";
    private Instant lastSuccess;
    private String lastError;
    private int consecutiveFailures;
    private int httpStatus;
    private long itemsSeen;
    private List<Instant> published = List.of();

    public FeedPoller(URI feedUrl, PollSchedule schedule, HttpFetcher fetcher, SeenArticles seen, Clock clock) {
        this.feedUrl = feedUrl;
        this.schedule = schedule;
        this.fetcher = fetcher;
        this.seen = seen;
        this.clock = clock;
    }

    public URI feedUrl() {
        return feedUrl;
    }

    /**
     * Polls the feed once, handing each new article to {@code publish} as soon as it is read.
     *
     * @return the feed's health after this poll
     * @throws InterruptedException when the service is stopping; no state is reported then
     */
    public FeedState poll(Consumer<Article> publish) throws InterruptedException {
        Instant attempt = clock.instant();
        try {
            FetchResponse response = fetcher.fetch(feedUrl, validators);
            httpStatus = response.status();
            if (response.notModified()) {
                LOG.debug("Feed {}: not modified", feedUrl);
            } else {
                ParsedFeed feed = FeedParser.parse(response.body(), response.url());
                validators = response.validators();
                title = feed.title().isEmpty() ? title : feed.title();
                published = feed.items().stream().map(FeedItem::publishedAt).filter(Objects::nonNull).toList();
                int fresh = publishNewItems(feed, publish);
                LOG.info("Feed {}: {} new items", feedUrl, fresh);
            }
            lastSuccess = clock.instant();
            lastError = null;
            consecutiveFailures = 0;
        } catch (FetchException e) {
            failed(e.status(), e.getMessage());
        } catch (FeedParseException e) {
            failed(httpStatus, e.getMessage());
        }
        Instant now = clock.instant();
        Duration interval = consecutiveFailures > 0
                ? schedule.afterFailures(consecutiveFailures) : schedule.afterSuccess(published, now);
        return new FeedState(FeedState.SCHEMA, feedUrl.toString(), FeedState.FEED, title, lastSuccess, attempt, lastError,
                consecutiveFailures, httpStatus, itemsSeen, PollSchedule.itemsPerDay(published, now), now.plus(interval));
    }

    private void failed(int status, String error) {
        httpStatus = status;
        lastError = error;
        consecutiveFailures++;
        LOG.warn("Feed poll failed ({} in a row): {}", consecutiveFailures, error);
    }

    private int publishNewItems(ParsedFeed feed, Consumer<Article> publish) throws InterruptedException {
        int fresh = 0;
        for (FeedItem item : feed.linkedItems()) {
            String link;
            try {
                link = UrlCanonicalizer.canonicalize(item.url());
            } catch (IllegalArgumentException e) {
                LOG.warn("Feed {}: skipping item: {}", feedUrl, e.getMessage());
                continue;
            }
            if (seen.contains(link)) {
                continue;
            }
            fresh++;
            itemsSeen++;
            Instant fetchedAt = clock.instant();
            ExtractedArticle page = readPage(URI.create(link));
            Article article = ArticleAssembler.assemble(feedUrl, link, item, page, fetchedAt, 1);
            OptionalInt revision = seen.revise(article.url(), article.contentHash());
            seen.add(link);
            if (revision.isPresent()) {
                publish.accept(revision.getAsInt() == 1 ? article
                        : ArticleAssembler.assemble(feedUrl, link, item, page, fetchedAt, revision.getAsInt()));
            }
        }
        return fresh;
    }

    /** The page's article, or null when it cannot be fetched or is not HTML: the feed item stands in. */
    private ExtractedArticle readPage(URI link) throws InterruptedException {
        FetchResponse response;
        try {
            response = fetcher.fetch(link);
        } catch (FetchException e) {
            LOG.warn("Page unavailable, using the feed's title and summary: {}", e.getMessage());
            return null;
        }
        String type = response.contentType().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("html")) {
            LOG.warn("Page {}: not HTML ({}); using the feed's title and summary", link, type);
            return null;
        }
        try {
            return ArticleExtractor.extract(response.body(), response.charset().orElse(null), response.url());
        } catch (RuntimeException e) {
            LOG.warn("Page {}: extraction failed; using the feed's title and summary", link, e);
            return null;
        }
    }
}
