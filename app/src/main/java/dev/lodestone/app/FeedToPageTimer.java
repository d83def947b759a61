package dev.lodestone.app;

import dev.lodestone.core.Alert;
import dev.lodestone.core.ArticleId;
import dev.lodestone.ingest.url.UrlCanonicalizer;
import dev.lodestone.newswire.DemoNewswire;
import dev.lodestone.newswire.SampleArticle;
import dev.lodestone.search.alert.deliver.RecentAlerts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's own stopwatch for what a newsroom monitor waits for: from an item appearing in its feed to its
 * alert on the page. It notes the moment the newswire publishes each article, and listens where the page's live
 * panel listens (the search service's recent alerts, which feed the panel's server-sent events). Each first alert
 * of an article published while it watched prints the span; closing prints the median and the worst.
 */
final class FeedToPageTimer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedToPageTimer.class);

    private final DemoNewswire newswire;
    /** When each article appeared in its feed, by article id, in nanoseconds. */
    private final Map<String, Long> appeared = new ConcurrentHashMap<>();
    private final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
    private volatile AutoCloseable subscription;

    /** Notes when each article {@code newswire} publishes from now on appears. */
    FeedToPageTimer(DemoNewswire newswire) {
        this.newswire = newswire;
        newswire.onRelease(this::released);
    }

    /** Times every alert {@code alerts} receives from now on. */
    void watch(RecentAlerts alerts) {
        subscription = alerts.subscribe(received -> arrived(received.alert()));
    }

    /** Articles published before the page listens would be timed with the pipeline's start-up: not counted. */
    private void released(SampleArticle article) {
        if (subscription == null) {
            return;
        }
        appeared.put(ArticleId.of(UrlCanonicalizer.canonicalize(newswire.urlOf(article))), System.nanoTime());
    }

    private void arrived(Alert alert) {
        if (alert.articleIds().isEmpty() || !"new".equals(alert.kind())) {
            return;
        }
        Long at = appeared.remove(alert.articleIds().get(0));
        if (at == null) {
            return;
        }
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - at);
        millis.add(took);
        LOG.info("Feed to alert on the page: {} ms for '{}' (rule {})", took, alert.title(), alert.ruleName());
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        List<Long> sorted;
        synchronized (millis) {
            sorted = millis.stream().sorted().toList();
        }
        if (!sorted.isEmpty()) {
            LOG.info("Feed to alert on the page, over {} alerts: median {} ms, worst {} ms", sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        }
    }
}
