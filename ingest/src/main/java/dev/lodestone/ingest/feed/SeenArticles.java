package dev.lodestone.ingest.feed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The canonical URLs ingest has already handled, with the hash and revision of the body last published
 * for each, shared by every feed so an article syndicated in several feeds is fetched once.
 *
 * <p>Bounded: past {@code capacity} URLs, the least recently touched is forgotten. A URL still listed in a
 * feed is touched at every poll, so only URLs that left every feed age out; one that comes back after
 * that is fetched again and, if its body is unchanged, published again as the same revision (harmless:
 * same key, same record). At start, ingest {@link #restore restores} what it published before from the
 * articles topic, so a restart neither re-fetches nor re-publishes what feeds still list.
 */
public final class SeenArticles {
    private record Seen(String contentHash, int revision) {}

    private final Map<String, Seen> seen;

    public SeenArticles(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.seen = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether the URL was handled before; counts as a use, keeping it from being forgotten. */
    public synchronized boolean contains(String canonicalUrl) {
        return seen.get(canonicalUrl) != null;
    }

    /** Notes a feed link as handled, for when the article behind it turned out to live at another URL. */
    public synchronized void add(String canonicalUrl) {
        seen.putIfAbsent(canonicalUrl, new Seen(null, 0));
    }

    /** Remembers an article published earlier, with its body's hash and revision, so edits still count on. */
    public synchronized void restore(String canonicalUrl, String contentHash, int revision) {
        Seen known = seen.get(canonicalUrl);
        if (known == null || known.revision() <= revision) {
            seen.put(canonicalUrl, new Seen(contentHash, revision));
        }
    }

    /**
     * Records a body fetched from the URL and says which revision it is: 1 for a URL never published, the
     * next revision when the body differs from the last one, empty when the body is the same (nothing to
     * publish).
     */
    public synchronized OptionalInt revise(String canonicalUrl, String contentHash) {
        Seen last = seen.get(canonicalUrl);
        if (last != null && contentHash.equals(last.contentHash())) {
            return OptionalInt.empty();
        }
        int revision = last == null ? 1 : last.revision() + 1;
        seen.put(canonicalUrl, new Seen(contentHash, revision));
        return OptionalInt.of(revision);
    }
}
