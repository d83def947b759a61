package dev.lodestone.ingest.feed;

import static dev.lodestone.ingest.LoopbackServer.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {
    private static final URI DAWN = URI.create("https://www.dawn.com/feeds/business");
    private static final URI DESK = URI.create("https://example.org/feeds/minerals.atom");

    private static ParsedFeed parse(String resource, URI feedUrl) throws FeedParseException {
        return FeedParser.parse(resource(resource).getBytes(StandardCharsets.UTF_8), feedUrl);
    }

    @Test
    void readsTheTitleAndItemsOfAnRss2Feed() throws Exception {
        ParsedFeed feed = parse("feed/rss2.xml", DAWN);

        assertEquals("Dawn - Business", feed.title());
        FeedItem mou = feed.items().get(0);
        assertEquals(URI.create("https://www.dawn.com/news/1940001/fwo-signs-500m-minerals-mou?utm_source=rss&utm_medium=feed"), mou.url());
        assertEquals("FWO signs $500m minerals MoU with US Strategic Metals", mou.title());
        assertEquals("Khurram Husain", mou.author());
        assertEquals(Instant.parse("2025-09-08T09:30:00Z"), mou.publishedAt());
    }

    @Test
    void htmlInADescriptionBecomesPlainText() throws Exception {
        assertEquals("The Frontier Works Organisation signed a $500 million memorandum.",
                parse("feed/rss2.xml", DAWN).items().get(0).summary());
    }

    @Test
    void aRelativeItemLinkIsResolvedAgainstTheFeedUrl() throws Exception {
        FeedItem shipment = parse("feed/rss2.xml", DAWN).items().get(1);
        assertEquals(URI.create("https://www.dawn.com/news/1945002/first-shipment-of-antimony"), shipment.url());
        assertNull(shipment.author());
        assertNull(shipment.publishedAt());
    }

    @Test
    void anItemWithoutALinkIsNotFetchable() throws Exception {
        List<FeedItem> items = parse("feed/rss2.xml", DAWN).linkedItems();
        assertEquals(2, items.size());
        assertFalse(items.stream().anyMatch(item -> item.title().startsWith("An item with no link")));
    }

    @Test
    void readsAnAtomFeed() throws Exception {
        ParsedFeed feed = parse("feed/atom.xml", DESK);

        assertEquals("Minerals Desk", feed.title());
        FeedItem pasni = feed.items().get(0);
        assertEquals(URI.create("https://example.org/2025/10/pasni-port"), pasni.url());
        assertEquals("Pasni port proposal draws attention from Beijing", pasni.title());
        assertEquals("Sara Ahmed", pasni.author());
        assertEquals(Instant.parse("2025-10-02T07:15:00Z"), pasni.publishedAt());
        assertEquals("A US-financed port near Gwadar.", pasni.summary());
    }

    @Test
    void anAtomEntryWithoutAPublishedDateUsesItsUpdatedDateAndContent() throws Exception {
        FeedItem rekoDiq = parse("feed/atom.xml", DESK).items().get(1);
        assertEquals(Instant.parse("2025-10-03T09:00:00Z"), rekoDiq.publishedAt());
        assertEquals("Lenders met in Islamabad.", rekoDiq.summary());
    }

    @Test
    void aFeedWithAnXxeEntityIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-7f3a");
        byte[] xxe = resource("feed/xxe.xml").replace("SECRET_FILE_URI", secret.toUri().toString())
                .getBytes(StandardCharsets.UTF_8);

        FeedParseException error = assertThrows(FeedParseException.class, () -> FeedParser.parse(xxe, DAWN));

        assertTrue(error.getMessage().startsWith(DAWN + ": not a readable feed: "), error.getMessage());
        assertTrue(error.getMessage().contains("DOCTYPE"), error.getMessage());
        assertFalse(error.getMessage().contains("TOP-SECRET"), error.getMessage());
    }

    @Test
    void malformedXmlIsAOneLineParseError() {
        FeedParseException error = assertThrows(FeedParseException.class, () -> parse("feed/malformed.xml", DAWN));

        assertTrue(error.getMessage().startsWith(DAWN + ": not a readable feed: "), error.getMessage());
        assertFalse(error.getMessage().contains("\n"), error.getMessage());
    }

    @Test
    void anHtmlPageIsNotAFeed() {
        FeedParseException error = assertThrows(FeedParseException.class, () -> parse("feed/not-a-feed.html", DAWN));

        assertEquals(DAWN + ": not a feed: got an HTML page", error.getMessage());
    }

    @Test
    void utf8TextWronglyDeclaredAsLatin1IsReadAsUtf8() throws Exception {
        assertEquals("Caf\u00e9 on the Seaview", parseBytes("feed/utf8-declared-latin1.xml").items().get(0).title());
    }

    @Test
    void latin1TextWithoutADeclarationIsReadAsLatin1() throws Exception {
        assertEquals("Na\u00efve mining bet", parseBytes("feed/latin1-undeclared.xml").items().get(0).title());
    }

    @Test
    void anEmptyResponseIsNotAFeed() {
        FeedParseException error = assertThrows(FeedParseException.class, () -> FeedParser.parse(new byte[0], DAWN));

        assertEquals(DAWN + ": not a feed: empty response", error.getMessage());
    }

    @Test
    void anRssDocumentWithoutAChannelIsAParseErrorNotACrash() {
        FeedParseException error = assertThrows(FeedParseException.class, () -> parseBytes("feed/rss-without-channel.xml"));

        assertTrue(error.getMessage().startsWith(DAWN + ": not a readable feed: "), error.getMessage());
    }

    @Test
    void readsAJsonFeed() throws Exception {
        ParsedFeed feed = parse("feed/json-feed.json", DESK);

        assertEquals("json_1.1", feed.format());
        assertEquals(List.of(new FeedItem(URI.create("https://example.org/2025/10/antimony"),
                "https://example.org/2025/10/antimony", "Antimony leaves Karachi", "The first shipment sailed.",
                "Sara Ahmed", Instant.parse("2025-10-02T04:00:00Z"))), feed.items());
    }

    @Test
    void namesTheFormatOfAnXmlFeed() throws Exception {
        assertEquals("rss_2.0", parse("feed/rss2.xml", DAWN).format());
        assertEquals("atom_1.0", parse("feed/atom.xml", DESK).format());
    }

    @Test
    void rssItemsFallBackOnDublinCoreAndAtomTitlesAuthorsAndDates() throws Exception {
        FeedItem pasni = parse("feed/rss-mixed-vocabularies.xml", DESK).items().get(0);

        assertEquals("Pasni port plan", pasni.title());
        assertEquals("Ali Raza", pasni.author());
        assertEquals(Instant.parse("2025-10-05T08:00:00Z"), pasni.publishedAt());
    }

    @Test
    void anRssAuthorIsItsNameWithoutTheEmailAddress() throws Exception {
        assertEquals("Minerals Desk", parse("feed/rss-mixed-vocabularies.xml", DESK).items().get(1).author());
    }

    @Test
    void anItunesAuthorNamesTheAuthorOfAnItemWithoutOne() throws Exception {
        assertEquals("Nadia Khan", parse("feed/rss-mixed-vocabularies.xml", DESK).items().get(2).author());
    }

    @Test
    void anRss2ItemWithBothPrefersItsDublinCoreDateToItsPubDateAsRomeDoes() throws Exception {
        assertEquals(Instant.parse("2025-09-08T08:00:00Z"), parse("feed/rss-dates.xml", DAWN).items().get(0).publishedAt());
    }

    @Test
    void anUnreadableDublinCoreDateGivesWayToThePubDate() throws Exception {
        assertEquals(Instant.parse("2025-09-08T09:30:00Z"), parse("feed/rss-dates.xml", DAWN).items().get(1).publishedAt());
    }

    @Test
    void aPubDateOnlyRomeUnderstandsIsStillRead() throws Exception {
        assertEquals(Instant.parse("2025-09-08T09:30:00Z"), parse("feed/rss-dates.xml", DAWN).items().get(2).publishedAt());
    }

    @Test
    void anUnreadablePubDateIsNoDate() throws Exception {
        assertNull(parse("feed/rss-dates.xml", DAWN).items().get(3).publishedAt());
    }

    @Test
    void anRss092ItemPrefersItsPubDateBecauseRomeReadsNoDublinCoreThere() throws Exception {
        assertEquals(Instant.parse("2025-09-08T09:30:00Z"), parse("feed/rss092-dates.xml", DAWN).items().get(0).publishedAt());
    }

    @Test
    void anAtom03EntryIsPublishedWhenLastModifiedAsRomeReadsIt() throws Exception {
        assertEquals(Instant.parse("2025-10-03T09:00:00Z"), parse("feed/atom03-dates.xml", DESK).items().get(0).publishedAt());
    }

    @Test
    void whenRomeReadsFewerItemsThanTheDocumentHoldsItStillDatesTheOnesItReads() throws Exception {
        List<FeedItem> items = parse("feed/rss-item-outside-channel.xml", DAWN).items();

        assertEquals(1, items.size());
        assertEquals(Instant.parse("2025-09-08T09:30:00Z"), items.get(0).publishedAt());
    }

    @Test
    void aPlainTextSummaryIsSpacedExactlyAsJsoupSpacesTheTextOfHtml() {
        for (String text : List.of(" Copper\tconcentrate \r\n and\u00a0rare earths ", "soft\u00adhy\u200bphen",
                "\u0001edge controls\u000b", "\ufeffBOM and \u3000 ideographic space", "quotes \" ' > = / ]")) {
            assertEquals(Jsoup.parseBodyFragment(text).text(), FeedParser.htmlToText(text), text);
        }
    }

    private static ParsedFeed parseBytes(String resource) throws Exception {
        try (var in = FeedParserTest.class.getResourceAsStream("/" + resource)) {
            return FeedParser.parse(in.readAllBytes(), DAWN);
        }
    }
}
