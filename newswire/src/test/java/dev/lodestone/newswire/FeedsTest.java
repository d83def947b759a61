package dev.lodestone.newswire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class FeedsTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final URI BASE = URI.create("http://127.0.0.1:8099/");
    private final SampleArticles small = Fixtures.small();
    private final Outlet rssOutlet = small.outlet("harbour-times").orElseThrow();
    private final Outlet atomOutlet = small.outlet("valley-wire").orElseThrow();

    @Test
    void anRssItemCarriesTitleAbsoluteLinkGuidDateAuthorAndLead() {
        SampleArticle crane = small.articles().get(0);
        Element item = only(Fixtures.parseXml(Feeds.render(rssOutlet, List.of(crane), BASE)), "item");

        assertEquals("A new crane arrives at the docks", child(item, "", "title"));
        assertEquals("http://127.0.0.1:8099/harbour-times/2025/09/crane-arrives.html", child(item, "", "link"));
        assertEquals("http://127.0.0.1:8099/harbour-times/2025/09/crane-arrives.html", child(item, "", "guid"));
        assertEquals("Mon, 1 Sep 2025 08:00:00 GMT", child(item, "", "pubDate"));
        assertEquals("Ann Quay", child(item, "http://purl.org/dc/elements/1.1/", "creator"));
        assertEquals("The crane arrived by barge.", child(item, "", "description"));
    }

    @Test
    void anAtomEntryCarriesPublishedUpdatedAuthorAndSummary() {
        SampleArticle rain = small.articles().get(2);
        Element entry = only(Fixtures.parseXml(Feeds.render(atomOutlet, List.of(rain), BASE)), "entry");

        assertEquals("http://www.w3.org/2005/Atom", entry.getNamespaceURI());
        assertEquals("http://127.0.0.1:8099/valley-wire/2025/09/rain-on-tuesday.html", child(entry, ATOM, "id"));
        assertEquals("2025-09-03T08:00:00Z", child(entry, ATOM, "published"));
        assertEquals("2025-09-03T08:00:00Z", child(entry, ATOM, "updated"));
        assertEquals("Ben Ode", child(entry, ATOM, "name"));
        assertEquals("Rain is expected on Tuesday.", child(entry, ATOM, "summary"));
    }

    @Test
    void specialCharactersInTitlesSurviveXmlEscaping() {
        SampleArticle profits = small.articles().get(1);
        Element item = only(Fixtures.parseXml(Feeds.render(rssOutlet, List.of(profits), BASE)), "item");

        assertEquals("Profits & \"losses\" at <Acme> Shipping", child(item, "", "title"));
    }

    @Test
    void aFeedListsAtMostFiftyItems() {
        List<SampleArticle> sixty = IntStream.range(0, 60).mapToObj(i -> new SampleArticle("harbour-times",
                "story-" + i, "Story " + i, "Ann Quay", "News", Instant.parse("2025-09-01T00:00:00Z").plusSeconds(i),
                List.of("Text."), null)).toList();

        Document rss = Fixtures.parseXml(Feeds.render(rssOutlet, sixty, BASE));

        assertEquals(Feeds.MAX_ITEMS, rss.getElementsByTagName("item").getLength());
    }

    private static Element only(Document feed, String tag) {
        NodeList found = feed.getElementsByTagNameNS("*", tag);
        assertEquals(1, found.getLength(), tag);
        return (Element) found.item(0);
    }

    /** The text of an element's first descendant with that name; namespace "" is no namespace. */
    private static String child(Element parent, String namespace, String localName) {
        return parent.getElementsByTagNameNS(namespace.isEmpty() ? null : namespace, localName).item(0)
                .getTextContent();
    }
}
