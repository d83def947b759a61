package dev.lodestone.app.bench;

import dev.lodestone.ingest.feed.FeedParser;
import dev.lodestone.ingest.feed.IncrementalFeedParser;
import dev.lodestone.newswire.FeedFormat;
import dev.lodestone.newswire.Feeds;
import dev.lodestone.newswire.Outlet;
import dev.lodestone.newswire.SampleArticle;
import dev.lodestone.newswire.SampleArticles;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How many feeds ingest reads per second on one thread: a newswire feed of {@value Feeds#MAX_ITEMS} items, RSS 2.0
 * or Atom 1.0, the size of a busy outlet's, read whole, and the same feed polled again and again, each time with
 * one new item in front and its oldest gone, as ingest's {@link IncrementalFeedParser} reads it.
 */
public final class FeedReadingSpeed {
    private static final URI BASE = URI.create("http://127.0.0.1:8080/");
    private static final int ROUNDS = 5;
    private static final int READS_PER_ROUND = 1000;

    private FeedReadingSpeed() {}

    /** Whole feeds read per second, best of {@value #ROUNDS} rounds after one to warm up. */
    public static double feedsPerSecond(FeedFormat format) throws Exception {
        SampleArticles samples = SampleArticles.bundled();
        Outlet outlet = outlet(samples, format);
        byte[] feed = render(samples, outlet, 0);
        URI url = BASE.resolve(outlet.feedPath());
        long fastest = FastestRound.of(ROUNDS, System::nanoTime, () -> {
            for (int i = 0; i < READS_PER_ROUND; i++) {
                listsEveryItem(FeedParser.parse(feed, url).items().size(), format);
            }
        });
        return READS_PER_ROUND / (fastest / 1e9);
    }

    /**
     * Polls read per second of a feed that gained one item since the previous poll, best of {@value #ROUNDS}
     * rounds after one to warm up; each round's first poll reads the feed whole.
     */
    public static double pollsWithOneNewItemPerSecond(FeedFormat format) throws Exception {
        SampleArticles samples = SampleArticles.bundled();
        Outlet outlet = outlet(samples, format);
        List<byte[]> polls = new ArrayList<>();
        for (int i = 0; i < READS_PER_ROUND; i++) {
            polls.add(render(samples, outlet, i));
        }
        URI url = BASE.resolve(outlet.feedPath());
        long fastest = FastestRound.of(ROUNDS, System::nanoTime, () -> {
            IncrementalFeedParser parser = new IncrementalFeedParser();
            for (byte[] poll : polls) {
                listsEveryItem(parser.parse(poll, url).items().size(), format);
            }
        });
        return READS_PER_ROUND / (fastest / 1e9);
    }

    private static Outlet outlet(SampleArticles samples, FeedFormat format) {
        return samples.outlets().stream().filter(o -> o.feed() == format).findFirst().orElseThrow();
    }

    /** The outlet's feed once it has published {@code newer} more articles than the first feed lists. */
    private static byte[] render(SampleArticles samples, Outlet outlet, int newer) {
        List<SampleArticle> newestFirst = new ArrayList<>();
        for (int i = newer; i < newer + Feeds.MAX_ITEMS; i++) {
            SampleArticle sample = samples.articles().get(i % samples.articles().size());
            newestFirst.add(0, new SampleArticle(outlet.id(), sample.slug() + "-" + i, sample.title(), sample.author(),
                    sample.section(), sample.publishedAt().plusSeconds(i), sample.paragraphs(), null));
        }
        return Feeds.render(outlet, newestFirst, BASE).getBytes(StandardCharsets.UTF_8);
    }

    private static void listsEveryItem(int items, FeedFormat format) {
        if (items != Feeds.MAX_ITEMS) {
            throw new IllegalStateException("the " + format + " feed did not list its " + Feeds.MAX_ITEMS + " items");
        }
    }
}
