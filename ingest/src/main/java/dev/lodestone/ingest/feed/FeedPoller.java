package dev.lodestone.ingest.feed;

import dev.lodestone.core.Article;
import dev.lodestone.core.FeedState;
import dev.lodestone.ingest.extract.ArticleExtractor;
import dev.lodestone.ingest.extract.ExtractedArticle;
import dev.lodestone.ingest.fetch.FetchException;
import dev.lodestone.ingest.fetch.FetchResponse;
import dev.lodestone.ingest.fetch.HttpFetcher;
import dev.lodestone.ingest.fetch.Validators;
import dev.lodestone.ingest.registry.FeedSource;
import dev.lodestone.ingest.url.UrlCanonicalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one source of articles: a feed, a sitemap or a section page. Fetches it (conditionally, so an
 * unchanged one costs its server a 304), lists the articles it links to, reads each one not seen before and
 * hands the resulting {@link Article}s on, then reports the source's health as a {@link FeedState}.
 *
 * <p>How the listing is made depends on the {@link FeedSource.Type}: a feed's items ({@link IncrementalFeedParser},
 * which parses only the items the feed did not list at the previous poll); a sitemap's pages dated within
 * {@link #LOOKBACK} of the previous visit, or undated, following an index one level down to its
 * {@link #MAX_CHILD_SITEMAPS} freshest sitemaps ({@link SitemapReader}); a section page's
 * article links ({@link SectionLinks}). At most {@link #MAX_NEW_ITEMS} new articles are read per poll, the
 * rest on the next ones, so a first visit to a big sitemap does not hold a thread for hours.
 *
 * <p>Every failure is contained: a source that cannot be fetched or read is reported in its state and
 * polled again later; a page that cannot be fetched or read is replaced by what the listing said of it.
 * The next poll follows the {@link PollSchedule}, fed by the dates of the listed items or, for a source
 * without dates, by when new links were first seen on it. Not thread-safe: polls of one source must not
 * overlap, which scheduling each poll after the previous one ensures.
 */
public final class FeedPoller {
    /** The most new articles read per poll. */
    static final int MAX_NEW_ITEMS = 50;
    /** The most sitemaps of an index read per poll. */
    static final int MAX_CHILD_SITEMAPS = 5;
    /**
     * How far before the previous visit (or, on the first, before now) a sitemap page's date may be and the
     * page still be read: generous, because sitemaps are often regenerated late and dated loosely.
     */
    static final Duration LOOKBACK = Duration.ofDays(2);
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedSource source;
    private final String label;
    private final PollSchedule schedule;
    private final HttpFetcher fetcher;
    private final SeenArticles seen;
    private final Clock clock;
    private final IncrementalFeedParser feedParser = new IncrementalFeedParser();

    private Validators validators = Validators.NONE;
    private String title;
    private Instant lastSuccess;
    private String lastError;
    private int consecutiveFailures;
    private int httpStatus;
    private long itemsSeen;
    private boolean listedBefore;
    private List<Instant> published = List.of();
    private final Deque<Instant> discovered = new ArrayDeque<>();

    /**
     * @param last the source's state when it was last polled, by this instance before a restart or by another
     *             before a rebalance ({@link FeedSource#unpolled()} for a new source): its health carries on from
     *             there, so that neither hides a dead feed behind a fresh count or resets its back-off
     */
    public FeedPoller(FeedSource source, FeedState last, PollSchedule schedule, HttpFetcher fetcher, SeenArticles seen,
                      Clock clock) {
        this.source = source;
        this.label = switch (source.type()) {
            case FEED -> "Feed";
            case SITEMAP -> "Sitemap";
            case SECTION -> "Section";
        };
        this.schedule = schedule;
        this.fetcher = fetcher;
        this.seen = seen;
        this.clock = clock;
        this.title = source.title().isEmpty() && last.title() != null ? last.title() : source.title();
        this.lastSuccess = last.lastSuccess();
        this.lastError = last.lastError();
        this.consecutiveFailures = last.consecutiveFailures();
        this.httpStatus = last.httpStatus();
        this.itemsSeen = last.itemsSeen();
    }

    public URI feedUrl() {
        return source.url();
    }

    /**
     * Polls the source once, handing each new article to {@code publish} as soon as it is read.
     *
     * @return the source's health after this poll
     * @throws InterruptedException when the service is stopping; no state is reported then
     */
    public FeedState poll(Consumer<Article> publish) throws InterruptedException {
        Instant attempt = clock.instant();
        try {
            FetchResponse response = fetcher.fetch(source.url(), validators);
            httpStatus = response.status();
            if (response.notModified()) {
                LOG.debug("{} {}: not modified", label, source.url());
            } else {
                List<FeedItem> listed = list(response, attempt);
                validators = response.validators();
                int fresh = publishNewItems(listed, publish);
                listedBefore = true;
                LOG.info("{} {}: {} new items", label, source.url(), fresh);
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
        List<Instant> evidence = published.isEmpty() ? List.copyOf(discovered) : published;
        Duration interval = consecutiveFailures > 0
                ? schedule.afterFailures(consecutiveFailures) : schedule.afterSuccess(evidence, now);
        return new FeedState(FeedState.SCHEMA, source.url().toString(), stateType(), title, lastSuccess, attempt,
                lastError, consecutiveFailures, httpStatus, itemsSeen, PollSchedule.itemsPerDay(evidence, now),
                now.plus(interval));
    }

    private String stateType() {
        return switch (source.type()) {
            case FEED -> FeedState.FEED;
            case SITEMAP -> FeedState.SITEMAP;
            case SECTION -> FeedState.SECTION;
        };
    }

    private void failed(int status, String error) {
        httpStatus = status;
        lastError = error;
        consecutiveFailures++;
        LOG.warn("{} poll failed ({} in a row): {}", label, consecutiveFailures, error);
    }

    /** The items the response lists, in the order they should be read; notes their dates for the schedule. */
    private List<FeedItem> list(FetchResponse response, Instant now) throws FeedParseException, InterruptedException {
        switch (source.type()) {
            case FEED -> {
                ParsedFeed feed = feedParser.parse(response.body(), response.url());
                title = feed.title().isEmpty() ? title : feed.title();
                published = dates(feed.items());
                return feed.linkedItems();
            }
            case SITEMAP -> {
                List<FeedItem> pages = sitemapPages(response, (lastSuccess == null ? now : lastSuccess).minus(LOOKBACK));
                published = dates(pages);
                return pages;
            }
            default -> {
                Document page = sectionPage(response);
                title = title.isEmpty() ? page.title().strip() : title;
                published = List.of();
                return SectionLinks.articles(page, response.url());
            }
        }
    }

    /** The pages of the sitemap, or of an index's freshest sitemaps, dated since {@code since} or undated, newest first. */
    private List<FeedItem> sitemapPages(FetchResponse response, Instant since) throws FeedParseException, InterruptedException {
        SitemapReader.ParsedSitemap sitemap = SitemapReader.read(response.body(), response.contentType(), response.url());
        List<FeedItem> pages = new ArrayList<>(sitemap.pages());
        for (URI child : SitemapReader.childrenToRead(sitemap.children(), since, MAX_CHILD_SITEMAPS)) {
            try {
                FetchResponse childResponse = fetcher.fetch(child);
                pages.addAll(SitemapReader.read(childResponse.body(), childResponse.contentType(), childResponse.url()).pages());
            } catch (FetchException | FeedParseException e) {
                LOG.warn("Sitemap {}: skipping a sitemap of its index: {}", source.url(), e.getMessage());
            }
        }
        return pages.stream()
                .filter(page -> page.publishedAt() == null || !page.publishedAt().isBefore(since))
                .sorted(Comparator.comparing(FeedItem::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    private static Document sectionPage(FetchResponse response) throws FeedParseException {
        try {
            return Jsoup.parse(new ByteArrayInputStream(response.body()),
                    response.charset().map(Charset::name).orElse(null), response.url().toString());
        } catch (IOException e) {
            throw new FeedParseException(response.url() + ": not a readable page: " + e.getMessage(), e);
        }
    }

    private static List<Instant> dates(List<FeedItem> items) {
        return items.stream().map(FeedItem::publishedAt).filter(Objects::nonNull).toList();
    }

    private int publishNewItems(List<FeedItem> listed, Consumer<Article> publish) throws InterruptedException {
        int fresh = 0;
        for (FeedItem item : listed) {
            String link;
            try {
                link = UrlCanonicalizer.canonicalize(item.url());
            } catch (IllegalArgumentException e) {
                LOG.warn("{} {}: skipping item: {}", label, source.url(), e.getMessage());
                continue;
            }
            if (seen.contains(link)) {
                continue;
            }
            if (fresh == MAX_NEW_ITEMS) {
                LOG.info("{} {}: more than {} new items; the rest next poll", label, source.url(), MAX_NEW_ITEMS);
                break;
            }
            fresh++;
            itemsSeen++;
            Instant fetchedAt = clock.instant();
            if (listedBefore) {
                discovered.addLast(fetchedAt);
                if (discovered.size() > PollSchedule.RECENT) {
                    discovered.removeFirst();
                }
            }
            ExtractedArticle page = readPage(URI.create(link));
            Article article = ArticleAssembler.assemble(source.url(), link, item, page, fetchedAt, 1);
            OptionalInt revision = seen.revise(article.url(), article.contentHash());
            seen.add(link);
            if (revision.isPresent()) {
                publish.accept(revision.getAsInt() == 1 ? article
                        : ArticleAssembler.assemble(source.url(), link, item, page, fetchedAt, revision.getAsInt()));
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
            LOG.warn("Page unavailable, using what the {} said of it: {}", label.toLowerCase(Locale.ROOT), e.getMessage());
            return null;
        }
        String type = response.contentType().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("html")) {
            LOG.warn("Page {}: not HTML ({}); using what the {} said of it", link, type, label.toLowerCase(Locale.ROOT));
            return null;
        }
        try {
            return ArticleExtractor.extract(response.body(), response.charset().orElse(null), response.url());
        } catch (RuntimeException e) {
            LOG.warn("Page {}: extraction failed; using what the {} said of it", link, label.toLowerCase(Locale.ROOT), e);
            return null;
        }
    }
}
