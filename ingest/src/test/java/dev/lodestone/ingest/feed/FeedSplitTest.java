package dev.lodestone.ingest.feed;

import static dev.lodestone.ingest.LoopbackServer.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeedSplitTest {
    private static FeedSplit split(String text) {
        return FeedSplit.of(text).orElseThrow(() -> new AssertionError("not split: " + text));
    }

    @Test
    void anRss2FeedSplitsIntoTheChannelsItemsAndTheTextAroundThem() {
        String feed = resource("feed/polls/first.xml");

        FeedSplit split = split(feed);

        assertEquals(3, split.items().size());
        assertTrue(split.items().get(0).startsWith("<item>") && split.items().get(0).endsWith("</item>"));
        assertTrue(split.head().endsWith("</lastBuildDate>\n    "));
        assertEquals("\n  </channel>\n</rss>\n", split.tail());
        assertEquals(feed, split.head() + String.join("\n    ", split.items()) + split.tail());
    }

    @Test
    void atomEntriesAreTheItemsOfAnAtomFeed() {
        FeedSplit split = split(resource("feed/atom.xml"));

        assertEquals(2, split.items().size());
        assertTrue(split.items().get(1).contains("Reko Diq financing update"));
    }

    @Test
    void itemsWithANamespacePrefixAtTheRootOfAnRss1FeedAreItsItems() {
        FeedSplit split = split("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:rss=\"http://purl.org/rss/1.0/\">"
                + "<rss:channel rdf:about=\"x\"><rss:title>t</rss:title></rss:channel>"
                + "<rss:item rdf:about=\"a\"><rss:title>a</rss:title></rss:item><rss:item rdf:about=\"b\"/></rdf:RDF>");

        assertEquals(List.of("<rss:item rdf:about=\"a\"><rss:title>a</rss:title></rss:item>", "<rss:item rdf:about=\"b\"/>"),
                split.items());
    }

    @Test
    void anItemTagInsideCdataACommentOrAQuotedAttributeIsNotAnItem() {
        FeedSplit split = split("<rss><channel><!-- <item> --><title a=\"<item>\">t</title>"
                + "<item><description><![CDATA[</item><item>]]></description></item></channel></rss>");

        assertEquals(List.of("<item><description><![CDATA[</item><item>]]></description></item>"), split.items());
    }

    @Test
    void aGreaterThanSignInAQuotedAttributeDoesNotEndTheTag() {
        FeedSplit split = split("<feed><entry><link href=\"https://example.org/?a>b\"/></entry></feed>");

        assertEquals(List.of("<entry><link href=\"https://example.org/?a>b\"/></entry>"), split.items());
    }

    @Test
    void anItemNestedInAnItemIsPartOfIt() {
        FeedSplit split = split("<rss><channel><item><media><item>inner</item></media></item></channel></rss>");

        assertEquals(1, split.items().size());
    }

    @Test
    void shapesTheSplitWasNotWrittenForAreLeftToTheFullRead() {
        List<String> unsplittable = List.of(
                resource("feed/xxe.xml"),
                resource("feed/rss-item-outside-channel.xml"),
                resource("feed/json-feed.json"),
                resource("feed/not-a-feed.html"),
                "<rss><channel><item>a</item><title>between</title><item>b</item></channel></rss>",
                "<rss><channel><item>never closed</channel></rss>",
                "<rss><channel><title>no items</title></channel></rss>",
                "<rss><channel><item>cut off</item>",
                "{\"items\": [{\"content_html\": \"<rss><channel><item>a</item></channel></rss>\"}]}");

        for (String text : unsplittable) {
            assertTrue(FeedSplit.of(text).isEmpty(), text);
        }
    }

    @Test
    void theFeedsOwnDatesAreNotPartOfItsSurroundingsButItsLinksAre() {
        FeedSplit first = split(resource("feed/polls/first.xml"));
        FeedSplit second = split(resource("feed/polls/second.xml"));
        FeedSplit moved = split(resource("feed/polls/second-moved-to-a-new-site.xml"));

        assertEquals(first.surroundings(), second.surroundings());
        assertNotEquals(second.surroundings(), moved.surroundings());
    }
}
