package dev.lodestone.ingest.feed;

import static dev.lodestone.ingest.LoopbackServer.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A feed polled twice: {@code feed/polls/first.xml}, then {@code second.xml}, where the feed gained an item
 * at the top, lost its oldest at the bottom and changed its {@code lastBuildDate}.
 */
class IncrementalFeedParserTest {
    private static final URI WIRE = URI.create("https://wire.example.org/minerals/feed");
    private static final Path GOFEED = Path.of("../../shared/corpora/gofeed-testdata");

    private static byte[] poll(String name) {
        return resource("feed/polls/" + name).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFeedThatGainedAnItemReadsAsAFullReadOfItWould() throws Exception {
        IncrementalFeedParser parser = new IncrementalFeedParser();
        parser.parse(poll("first.xml"), WIRE);

        assertEquals(FeedParser.parse(poll("second.xml"), WIRE), parser.parse(poll("second.xml"), WIRE));
    }

    @Test
    void itemsListedAtThePreviousPollAreReusedRatherThanParsedAgain() throws Exception {
        IncrementalFeedParser parser = new IncrementalFeedParser();
        ParsedFeed first = parser.parse(poll("first.xml"), WIRE);

        ParsedFeed second = parser.parse(poll("second.xml"), WIRE);

        assertSame(first.items().get(0), second.items().get(1));
        assertSame(first.items().get(1), second.items().get(2));
    }

    @Test
    void aFeedServedAgainUnchangedReusesEveryItemAndKeepsItsTitle() throws Exception {
        IncrementalFeedParser parser = new IncrementalFeedParser();
        ParsedFeed first = parser.parse(poll("first.xml"), WIRE);

        ParsedFeed again = parser.parse(poll("first.xml"), WIRE);

        assertEquals(first, again);
        assertSame(first.items().get(2), again.items().get(2));
    }

    @Test
    void aChangeAroundTheItemsOtherThanTheFeedsDatesHasEveryItemParsedAgain() throws Exception {
        IncrementalFeedParser parser = new IncrementalFeedParser();
        ParsedFeed first = parser.parse(poll("first.xml"), WIRE);

        ParsedFeed moved = parser.parse(poll("second-moved-to-a-new-site.xml"), WIRE);

        assertEquals(FeedParser.parse(poll("second-moved-to-a-new-site.xml"), WIRE), moved);
        assertNotSame(first.items().get(0), moved.items().get(1));
    }

    @Test
    void theSameFeedFromAnotherAddressHasEveryItemParsedAgain() throws Exception {
        IncrementalFeedParser parser = new IncrementalFeedParser();
        ParsedFeed first = parser.parse(poll("first.xml"), WIRE);

        ParsedFeed elsewhere = parser.parse(poll("second.xml"), URI.create("https://mirror.example.net/feed"));

        assertNotSame(first.items().get(0), elsewhere.items().get(1));
    }

    @Test
    void aBrokenNewItemFailsWithTheErrorOfTheWholeFeedNotOfThePartParsed() throws Exception {
        IncrementalFeedParser parser = new IncrementalFeedParser();
        parser.parse(poll("first.xml"), WIRE);

        FeedParseException incremental = assertThrows(FeedParseException.class,
                () -> parser.parse(poll("second-with-a-broken-item.xml"), WIRE));

        FeedParseException whole = assertThrows(FeedParseException.class,
                () -> FeedParser.parse(poll("second-with-a-broken-item.xml"), WIRE));
        assertEquals(whole.getMessage(), incremental.getMessage());
    }

    @Test
    void aFeedTheSplitCannotVouchForIsReadWholeEveryTime() throws Exception {
        byte[] stray = resource("feed/rss-item-outside-channel.xml").getBytes(StandardCharsets.UTF_8);
        IncrementalFeedParser parser = new IncrementalFeedParser();
        ParsedFeed first = parser.parse(stray, WIRE);

        ParsedFeed again = parser.parse(stray, WIRE);

        assertEquals(FeedParser.parse(stray, WIRE), again);
        assertNotSame(first.items().get(0), again.items().get(0));
    }

    @Test
    void aFeedLongerThanTheItemsKeptIsReadWholeEveryTime() throws Exception {
        StringBuilder feed = new StringBuilder("<rss version=\"2.0\"><channel><title>Long</title>");
        for (int i = 0; i <= IncrementalFeedParser.MAX_REMEMBERED_ITEMS; i++) {
            feed.append("<item><title>Item ").append(i).append("</title><link>/").append(i).append("</link></item>");
        }
        byte[] longFeed = feed.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
        IncrementalFeedParser parser = new IncrementalFeedParser();
        ParsedFeed first = parser.parse(longFeed, WIRE);

        ParsedFeed again = parser.parse(longFeed, WIRE);

        assertEquals(first, again);
        assertNotSame(first.items().get(0), again.items().get(0));
    }

    /**
     * Every feed of gofeed's test data (read from {@code ../shared} beside the repository, skipped where it is
     * absent) that the split takes, read after an earlier version of itself, as the previous poll would have
     * seen it: with its own dates changed, and without its first item when it has more than one.
     */
    @Test
    void everyGofeedFeedReadAfterAnEarlierVersionOfItselfReadsAsAFullReadOfItWould() throws Exception {
        assumeTrue(Files.isDirectory(GOFEED), "gofeed test data not found at " + GOFEED.toAbsolutePath());
        URI base = URI.create("http://example.org/feed");
        List<String> differing = new ArrayList<>();
        int compared = 0;
        for (Path file : FeedFileCheck.filesIn(GOFEED)) {
            byte[] bytes = Files.readAllBytes(file);
            Optional<FeedSplit> split = FeedSplit.of(FeedText.decode(bytes));
            ParsedFeed whole;
            try {
                whole = FeedParser.parse(bytes, base);
            } catch (FeedParseException e) {
                continue;
            }
            if (split.isEmpty()) {
                continue;
            }
            IncrementalFeedParser parser = new IncrementalFeedParser();
            parser.parse(earlierVersion(split.get()).getBytes(StandardCharsets.UTF_8), base);
            if (!parser.parse(bytes, base).equals(whole)) {
                differing.add(file.toString());
            }
            compared++;
        }
        assertTrue(compared >= 100, "only " + compared + " feeds compared");
        assertEquals(List.of(), differing);
    }

    private static String earlierVersion(FeedSplit feed) {
        String head = feed.head().replaceAll("(<(lastBuildDate|pubDate|updated|modified)>)[^<]*", "$1Mon, 01 Jan 2024 00:00:00 GMT");
        List<String> items = feed.items().size() > 1 ? feed.items().subList(1, feed.items().size()) : feed.items();
        return head + String.join("\n", items) + feed.tail();
    }
}
