package dev.lodestone.app.bench;

import dev.lodestone.ingest.feed.FeedParser;
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
 * How many full feeds ingest reads per second on one thread: a newswire feed of {@value Feeds#MAX_ITEMS} items,
 * RSS 2.0 or Atom 1.0, the size of a busy outlet's. A feed that changes is read whole on every poll, however few
 * of its items are new, so this is what frequent polling of busy feeds costs.
 */
public final class FeedReadingSpeed {
    private static final URI BASE = URI.create("http://127.0.0.1:8080/");
    private static final int ROUNDS = 5;
    private static final int READS_PER_ROUND = 1000;

    private FeedReadingSpeed() {}

    /** Feeds read per second, best of {@value #ROUNDS} rounds after one to warm up. */
    public static double feedsPerSecond(FeedFormat format) throws Exception {
        SampleArticles samples = SampleArticles.bundled();
        Outlet outlet = samples.outlets().stream().filter(o -> o.feed() == format).findFirst().orElseThrow();
        List<SampleArticle> newestFirst = new ArrayList<>();
        for (int i = 0; i < Feeds.MAX_ITEMS; i++) {
            SampleArticle sample = samples.articles().get(i % samples.articles().size());
            newestFirst.add(0, new SampleArticle(outlet.id(), sample.slug() + "-" + i, sample.title(), sample.author(),
                    sample.section(), sample.publishedAt().plusSeconds(i), sample.paragraphs(), null));
        }
        byte[] feed = Feeds.render(outlet, newestFirst, BASE).getBytes(StandardCharsets.UTF_8);
        URI url = BASE.resolve(outlet.feedPath());
        long fastest = FastestRound.of(ROUNDS, System::nanoTime, () -> {
            for (int i = 0; i < READS_PER_ROUND; i++) {
                if (FeedParser.parse(feed, url).items().size() != Feeds.MAX_ITEMS) {
                    throw new IllegalStateException("the " + format + " feed did not list its " + Feeds.MAX_ITEMS + " items");
                }
            }
        });
        return READS_PER_ROUND / (fastest / 1e9);
    }
}
