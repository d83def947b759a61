package dev.lodestone.newswire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DemoNewswireTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private DemoNewswire newswire;

    @AfterEach
    void stop() {
        if (newswire != null) {
            newswire.close();
        }
    }

    @Test
    void everyFeedIsWellFormedXmlListingExactlyTheReleasedArticles() throws Exception {
        newswire = DemoNewswire.start(0, Duration.ZERO, 12);
        List<String> released = newswire.content().articles().subList(0, 12).stream()
                .map(a -> newswire.urlOf(a).toString()).sorted().toList();

        var listed = new ArrayList<String>();
        for (URI feed : newswire.feedUrls()) {
            listed.addAll(links(Fixtures.parseXml(get(feed).body())));
        }

        assertEquals(released, listed.stream().sorted().toList());
    }

    @Test
    void rssAndAtomFeedsAreServedWithTheirOwnContentTypes() throws Exception {
        newswire = DemoNewswire.start(Fixtures.small(), 0, Duration.ZERO, 4);

        HttpResponse<String> rss = get(newswire.baseUrl().resolve("/harbour-times/rss.xml"));
        HttpResponse<String> atom = get(newswire.baseUrl().resolve("/valley-wire/atom.xml"));

        assertEquals("application/rss+xml; charset=utf-8", rss.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/atom+xml; charset=utf-8", atom.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(List.of(newswire.baseUrl().resolve("/harbour-times/rss.xml"),
                newswire.baseUrl().resolve("/valley-wire/atom.xml")), newswire.feedUrls());
    }

    @Test
    void releaseNextPutsTheArticleInItsOutletsFeedAndServesItsPage() throws Exception {
        newswire = DemoNewswire.start(Fixtures.small(), 0, Duration.ZERO, 2);
        URI feed = newswire.baseUrl().resolve("/valley-wire/atom.xml");
        assertEquals(List.of(), links(Fixtures.parseXml(get(feed).body())));

        SampleArticle rain = newswire.releaseNext();

        assertEquals("rain-on-tuesday", rain.slug());
        assertEquals(3, newswire.releasedCount());
        assertEquals(List.of(newswire.urlOf(rain).toString()), links(Fixtures.parseXml(get(feed).body())));
        assertEquals(200, get(newswire.urlOf(rain)).statusCode());
    }

    @Test
    void releaseNextReturnsNullOnceEveryArticleIsOut() {
        newswire = DemoNewswire.start(Fixtures.small(), 0, Duration.ZERO, 4);

        assertNull(newswire.releaseNext());
        assertEquals(4, newswire.releasedCount());
    }

    @Test
    void anUnreleasedArticlePageIsNotFound() throws Exception {
        newswire = DemoNewswire.start(Fixtures.small(), 0, Duration.ZERO, 1);
        SampleArticle notYet = newswire.content().articles().get(1);

        assertEquals(404, get(newswire.urlOf(notYet)).statusCode());
    }

    @Test
    void aPageEscapesHtmlSpecialCharactersInItsTitle() throws Exception {
        newswire = DemoNewswire.start(Fixtures.small(), 0, Duration.ZERO, 4);
        HttpResponse<String> page = get(newswire.baseUrl().resolve("/harbour-times/2025/09/profits-and-losses.html"));

        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<h1>Profits &amp; &quot;losses&quot; at &lt;Acme&gt; Shipping</h1>"));
        assertFalse(page.body().contains("<Acme>"));
    }

    @Test
    void aPrerenderedPageIsServedAsRenderedJustAfterItsPublication() throws Exception {
        SampleArticles content = Fixtures.small();
        int twoOnOneOutlet = 0;
        while (!content.articles().get(twoOnOneOutlet).outlet().equals(content.articles().get(twoOnOneOutlet + 1).outlet())) {
            twoOnOneOutlet++;
        }
        newswire = DemoNewswire.start(content, 0, Duration.ZERO, twoOnOneOutlet + 1);
        SampleArticle earlier = content.articles().get(twoOnOneOutlet);
        String servedLive = get(newswire.urlOf(earlier)).body();

        newswire.prerenderPages();
        SampleArticle next = newswire.releaseNext();

        assertEquals(earlier.outlet(), next.outlet(), "live, the page would now list the next one too");
        assertEquals(servedLive, new String(newswire.prerenderedPage(earlier), StandardCharsets.UTF_8));
        assertEquals(servedLive, get(newswire.urlOf(earlier)).body());
    }

    @Test
    void anUnchangedFeedAnswers304ToItsEtag() throws Exception {
        newswire = DemoNewswire.start(Fixtures.small(), 0, Duration.ZERO, 2);
        URI feed = newswire.feedUrls().get(0);
        String etag = get(feed).headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = http.send(HttpRequest.newBuilder(feed).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
    }

    @Test
    void aFeedsEtagChangesWhenItsOutletPublishes() throws Exception {
        newswire = DemoNewswire.start(Fixtures.small(), 0, Duration.ZERO, 3);
        URI feed = newswire.baseUrl().resolve("/harbour-times/rss.xml");
        String before = get(feed).headers().firstValue("ETag").orElseThrow();

        newswire.releaseNext();
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(feed).header("If-None-Match", before).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, after.statusCode());
        assertNotEquals(before, after.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void articlesAreReleasedOneByOneOnTheIntervalUntilAllAreOut() throws Exception {
        newswire = DemoNewswire.start(Fixtures.small(), 0, Duration.ofMillis(100), 1);

        awaitUntil(Duration.ofSeconds(5), () -> newswire.releasedCount() == newswire.totalCount());

        SampleArticle last = newswire.content().articles().get(3);
        assertEquals(200, get(newswire.urlOf(last)).statusCode());
    }

    @Test
    void listenersHearEveryArticleScheduledAfterTheyJoinedInOrder() throws Exception {
        newswire = DemoNewswire.start(Fixtures.small(), 0, Duration.ofMillis(100), 1);
        List<SampleArticle> heard = new CopyOnWriteArrayList<>();
        newswire.onRelease(heard::add);

        awaitUntil(Duration.ofSeconds(5), () -> heard.size() == 3);

        assertEquals(newswire.content().articles().subList(1, 4), heard);
    }

    @Test
    void theFrontPageListsEveryFeed() throws Exception {
        newswire = DemoNewswire.start(0, Duration.ZERO, 0);

        String index = get(newswire.baseUrl()).body();

        for (URI feed : newswire.feedUrls()) {
            assertTrue(index.contains("href=\"" + feed + "\""), feed.toString());
        }
    }

    @Test
    void theNewswireListensOnLoopbackOnly() {
        newswire = DemoNewswire.start(Fixtures.small(), 0, Duration.ZERO, 0);

        assertEquals("127.0.0.1", newswire.baseUrl().getHost());
    }

    @Test
    void withAHostPerOutletEachOutletsFeedAndPagesAreServedFromALoopbackAddressOfItsOwn() throws Exception {
        newswire = DemoNewswire.start(Fixtures.small(), 0, Duration.ZERO, 4, DemoNewswire.Hosts.ONE_PER_OUTLET);
        URI harbourFeed = newswire.feedUrls().get(0);
        URI valleyFeed = newswire.feedUrls().get(1);
        SampleArticle crane = newswire.content().articles().get(0);

        assertEquals(List.of("127.0.0.2", "127.0.0.3"), List.of(harbourFeed.getHost(), valleyFeed.getHost()));
        assertEquals(newswire.baseUrl().getPort(), harbourFeed.getPort());
        assertEquals("127.0.0.2", newswire.urlOf(crane).getHost());
        assertTrue(links(Fixtures.parseXml(get(harbourFeed).body())).contains(newswire.urlOf(crane).toString()));
        assertTrue(get(newswire.urlOf(crane)).body().contains("<link rel=\"canonical\" href=\"" + newswire.urlOf(crane)
                + "\">"));
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The article URLs a feed lists: RSS item links or Atom entry alternate links. */
    private static List<String> links(Document feed) {
        var links = new ArrayList<String>();
        NodeList items = feed.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) {
            links.add(((Element) items.item(i)).getElementsByTagName("link").item(0).getTextContent());
        }
        NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            links.add(((Element) entries.item(i)).getElementsByTagNameNS("*", "link").item(0).getAttributes()
                    .getNamedItem("href").getNodeValue());
        }
        return links;
    }

    private static void awaitUntil(Duration deadline, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + deadline);
            }
            Thread.sleep(20);
        }
    }
}
