package dev.lodestone.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.core.Article;
import dev.lodestone.core.FeedState;
import dev.lodestone.ingest.LoopbackServer;
import dev.lodestone.ingest.fetch.AddressGuard;
import dev.lodestone.ingest.fetch.HttpFetcher;
import dev.lodestone.ingest.fetch.Politeness;
import dev.lodestone.ingest.registry.FeedSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
    private static final Instant NOW = Instant.parse("2025-10-04T06:00:00Z");
    private static final PollSchedule SCHEDULE = new PollSchedule(Duration.ofMinutes(5), Duration.ofHours(6));

    private LoopbackServer server;
    private final SeenArticles seen = new SeenArticles(100);
    private final List<Article> published = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
    }

    private void serveFeedAndPages() {
        server.serveResource("/feed.xml", "application/rss+xml", "service/feed.xml")
                .serveResource("/news/mou", "text/html; charset=utf-8", "service/mou.html")
                .serveResource("/news/shipment", "text/html", "service/shipment.html");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedPoller poller(String feedPath) {
        HttpFetcher fetcher = new HttpFetcher(new AddressGuard(true), "Lodestone/test", Duration.ofSeconds(2),
                Duration.ofSeconds(5), 1 << 20, Politeness.DEFAULT.withHostDelay(Duration.ZERO));
        return new FeedPoller(FeedSource.feed(server.url(feedPath)), SCHEDULE, fetcher, seen, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void eachNewItemIsPublishedFromItsPage() throws Exception {
        serveFeedAndPages();

        FeedState state = poller("/feed.xml").poll(published::add);

        assertEquals(List.of("FWO and USSM sign $500m minerals MoU", "First minerals shipment leaves Karachi"),
                published.stream().map(Article::title).toList());
        assertEquals(server.url("/news/mou").toString(), published.get(0).url());
        assertEquals(2, state.itemsSeen());
    }

    @Test
    void itemsAlreadySeenAreNotPublishedAgain() throws Exception {
        serveFeedAndPages();
        FeedPoller poller = poller("/feed.xml");
        poller.poll(published::add);

        poller.poll(published::add);

        assertEquals(2, published.size());
    }

    @Test
    void aPageThatFailsIsReplacedByTheFeedItem() throws Exception {
        server.serveResource("/feed.xml", "application/rss+xml", "service/feed.xml")
                .serveResource("/news/mou", "text/html; charset=utf-8", "service/mou.html")
                .handle("/news/shipment", exchange -> LoopbackServer.respond(exchange, 500, "text/plain", new byte[0]));

        poller("/feed.xml").poll(published::add);

        Article shipment = published.get(1);
        assertEquals("Feed title of the shipment story", shipment.title());
        assertEquals("Feed summary of the shipment story.", shipment.body());
        assertEquals("first-seen", shipment.dateSource());
    }

    @Test
    void aSuccessfulPollReportsAHealthyFeedToBePolledByItsPublishingRate() throws Exception {
        serveFeedAndPages();

        FeedState state = poller("/feed.xml").poll(published::add);

        assertEquals(new FeedState(FeedState.SCHEMA, server.url("/feed.xml").toString(), FeedState.FEED, "Local Wire", NOW,
                NOW, null, 0, 200, 2, state.itemsPerDay(), NOW.plus(SCHEDULE.max())), state);
    }

    @Test
    void aFailingFeedCountsItsFailuresInARow() throws Exception {
        FeedPoller poller = poller("/missing.xml");

        poller.poll(published::add);
        FeedState state = poller.poll(published::add);

        assertEquals(2, state.consecutiveFailures());
        assertEquals(404, state.httpStatus());
        assertEquals(server.url("/missing.xml") + ": HTTP 404", state.lastError());
        assertNull(state.lastSuccess());
        assertEquals(NOW.plus(Duration.ofMinutes(10)), state.nextPoll(), "backs off from 5 minutes");
    }

    @Test
    void aFeedThatIsNotAFeedIsReportedAsAParseError() throws Exception {
        server.serveResource("/feed.xml", "application/rss+xml", "feed/malformed.xml");

        FeedState state = poller("/feed.xml").poll(published::add);

        assertTrue(state.lastError().startsWith(server.url("/feed.xml") + ": not a readable feed: "), state.lastError());
        assertEquals(1, state.consecutiveFailures());
    }

    @Test
    void anUnchangedFeedIsAskedForConditionallyAndCostsNoParse() throws Exception {
        AtomicInteger fullResponses = new AtomicInteger();
        server.serveResource("/news/mou", "text/html", "service/mou.html")
                .serveResource("/news/shipment", "text/html", "service/shipment.html");
        byte[] feed = LoopbackServer.resource("service/feed.xml").replace("BASE_URL", server.url("").toString())
                .getBytes(StandardCharsets.UTF_8);
        server.handle("/feed.xml", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                fullResponses.incrementAndGet();
                exchange.getResponseHeaders().set("ETag", "\"v1\"");
                LoopbackServer.respond(exchange, 200, "application/rss+xml", feed);
            }
        });
        FeedPoller poller = poller("/feed.xml");
        poller.poll(published::add);

        FeedState state = poller.poll(published::add);

        assertEquals(1, fullResponses.get());
        assertEquals(304, state.httpStatus());
        assertEquals(0, state.consecutiveFailures());
    }
}
