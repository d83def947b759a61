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
import java.util.concurrent.CopyOnWriteArrayList;
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
        return poller(FeedSource.feed(server.url(feedPath)));
    }

    private FeedPoller poller(FeedSource source) {
        return poller(source, source.unpolled());
    }

    private FeedPoller poller(FeedSource source, FeedState last) {
        HttpFetcher fetcher = new HttpFetcher(new AddressGuard(true), "Lodestone/test", Duration.ofSeconds(2),
                Duration.ofSeconds(5), 1 << 20, Politeness.DEFAULT.withHostDelay(Duration.ZERO));
        return new FeedPoller(source, last, SCHEDULE, fetcher, seen, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The state another instance left for the source: failing three polls in a row since yesterday. */
    private FeedState failingSinceYesterday(FeedSource source) {
        return new FeedState(FeedState.SCHEMA, source.url().toString(), FeedState.FEED, "Local Wire",
                NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofMinutes(20)), "HTTP 503", 3, 503, 40, 12.0, NOW);
    }

    private FeedSource source(String path, FeedSource.Type type) {
        return new FeedSource(server.url(path), "", null, "", type);
    }

    /** Serves the handler at the path and notes every request to it. */
    private void serveCounted(String path, List<String> requested, String contentType, String resource) {
        byte[] body = LoopbackServer.resource(resource).replace("BASE_URL", server.url("").toString()).getBytes(StandardCharsets.UTF_8);
        server.handle(path, exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            LoopbackServer.respond(exchange, 200, contentType, body);
        });
    }

    @Test
    void aNewsSitemapsRecentPagesArePublished() throws Exception {
        server.serveResource("/news-sitemap.xml", "application/xml", "sitemap/news.xml")
                .serveResource("/news/mou", "text/html", "service/mou.html")
                .serveResource("/news/shipment", "text/html", "service/shipment.html");

        FeedState state = poller(source("/news-sitemap.xml", FeedSource.Type.SITEMAP)).poll(published::add);

        assertEquals(List.of("First minerals shipment leaves Karachi", "FWO and USSM sign $500m minerals MoU"),
                published.stream().map(Article::title).toList(), "newest first");
        assertEquals(FeedState.SITEMAP, state.type());
        assertEquals(2, state.itemsSeen());
        assertTrue(state.itemsPerDay() > 0, "rate from the publication dates");
    }

    @Test
    void aSitemapIndexIsFollowedOneLevelDownToItsFreshSitemapsOnly() throws Exception {
        List<String> requested = new CopyOnWriteArrayList<>();
        server.serveResource("/sitemap.xml", "application/xml", "sitemap/index.xml")
                .serveResource("/news/mou", "text/html", "service/mou.html")
                .serveResource("/news/shipment", "text/html", "service/shipment.html");
        serveCounted("/sitemaps/2025-10.xml", requested, "application/xml", "sitemap/2025-10.xml");
        serveCounted("/sitemaps/2019-01.xml", requested, "application/xml", "sitemap/2019-01.xml");

        poller(source("/sitemap.xml", FeedSource.Type.SITEMAP)).poll(published::add);

        assertEquals(List.of("/sitemaps/2025-10.xml"), requested);
        assertEquals(List.of(server.url("/news/shipment").toString(), server.url("/news/mou").toString()),
                published.stream().map(Article::url).toList(), "the page of September is older than the look-back");
    }

    @Test
    void aSectionPagesNewArticleLinksArePublishedOnEachVisit() throws Exception {
        String[] section = {LoopbackServer.resource("section/local.html").replace("LATER_LINKS", "")};
        server.handle("/business/", exchange -> LoopbackServer.respond(exchange, 200, "text/html",
                        section[0].getBytes(StandardCharsets.UTF_8)))
                .serveResource("/2025/10/03/mou", "text/html", "service/mou.html")
                .serveResource("/news/1943999", "text/html", "service/shipment.html")
                .serveResource("/news/1944000", "text/html", "service/mou.html");
        FeedPoller poller = poller(source("/business/", FeedSource.Type.SECTION));
        FeedState first = poller.poll(published::add);
        section[0] = section[0].replace("</body>", "<a href=\"/news/1944000\">Pasni port plan</a></body>");

        FeedState second = poller.poll(published::add);

        assertEquals(List.of(server.url("/2025/10/03/mou").toString(), server.url("/news/1943999").toString(),
                server.url("/news/1944000").toString()), published.stream().map(Article::url).toList());
        assertEquals(FeedState.SECTION, second.type());
        assertEquals("Local Wire - Business", second.title());
        assertEquals(0, first.itemsPerDay(), "links found on the first visit are a backlog, not a rate");
        assertEquals(3, second.itemsSeen());
    }

    @Test
    void aFeedDisallowedByRobotsTxtReportsIt() throws Exception {
        serveFeedAndPages();
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /\n".getBytes(StandardCharsets.UTF_8));

        FeedState state = poller("/feed.xml").poll(published::add);

        assertEquals(server.url("/feed.xml") + ": disallowed by robots.txt", state.lastError());
        assertEquals(1, state.consecutiveFailures());
        assertTrue(published.isEmpty());
    }

    @Test
    void aPageDisallowedByRobotsTxtIsNotFetchedAndTheFeedItemStandsIn() throws Exception {
        List<String> requested = new CopyOnWriteArrayList<>();
        server.serveResource("/feed.xml", "application/rss+xml", "service/feed.xml")
                .serveResource("/news/mou", "text/html; charset=utf-8", "service/mou.html")
                .serve("/robots.txt", "text/plain", "User-agent: lodestone\nDisallow: /news/shipment\n".getBytes(StandardCharsets.UTF_8));
        serveCounted("/news/shipment", requested, "text/html", "service/shipment.html");

        poller("/feed.xml").poll(published::add);

        assertEquals("Feed title of the shipment story", published.get(1).title());
        assertEquals("Feed summary of the shipment story.", published.get(1).body());
        assertTrue(requested.isEmpty(), "the disallowed page was requested");
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
    void aFeedTakenOverStillFailingCountsOnFromTheFailuresItHadAndKeepsItsLastSuccess() throws Exception {
        FeedSource source = FeedSource.feed(server.url("/missing.xml"));

        FeedState state = poller(source, failingSinceYesterday(source)).poll(published::add);

        assertEquals(4, state.consecutiveFailures());
        assertEquals(NOW.minus(Duration.ofDays(1)), state.lastSuccess());
        assertEquals(NOW.plus(Duration.ofMinutes(40)), state.nextPoll(), "backs off from 5 minutes, doubled three times");
    }

    @Test
    void aFeedTakenOverThatRecoversCountsItsItemsOnFromTheLastState() throws Exception {
        serveFeedAndPages();
        FeedSource source = FeedSource.feed(server.url("/feed.xml"));

        FeedState state = poller(source, failingSinceYesterday(source)).poll(published::add);

        assertEquals(0, state.consecutiveFailures());
        assertNull(state.lastError());
        assertEquals(42, state.itemsSeen());
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
