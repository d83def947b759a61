package dev.lodestone.analyze.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups wire copies of one report into a story: the same agency text re-published by several outlets, each
 * with its own headline, dateline, byline, footer and a few edited words, gets one {@code storyId}, while
 * two different reports on the same deal, with the same names and vocabulary, get two.
 *
 * <p>Each article body becomes a {@link Fingerprint}: the MinHash of its five-word shingles. Candidates come
 * from locality-sensitive hashing, 64 bands of 2 of the 128 MinHash values: a pair with Jaccard
 * similarity 0.2 becomes a candidate with probability 0.93, one with 0.3 with 0.998, so short and truncated
 * copies are found; unrelated texts (Jaccard near 0) almost never are, and the cheap comparison of the 128
 * values of each candidate decides. A candidate is the same story when at least half
 * of the smaller text's shingles are in the larger one, estimated from Jaccard and the set sizes, so a copy cut
 * after a few paragraphs still belongs to its story; for two texts of equal length that is a Jaccard of 1/3.
 * The Jaccard estimate must also be at least 0.2: below that, 128 values are too few to
 * trust the containment, and a short text inside a long one is a quotation, not a copy. On the bundled set,
 * different reports on the same event share at most a quarter of the smaller text (background paragraphs,
 * stock names) and edited copies at least two thirds. The headline is not compared: it is what outlets
 * rewrite most.
 *
 * <p>The story id is the id of the first article of the story, so downstream "alert once per story" logic
 * can key on it. An article id seen before (a re-delivery, or a new revision of the same URL) keeps its
 * story and is first only if it was the first. Texts too short to compare are their own story.
 *
 * <p>Memory is bounded twice: articles first seen longer than the window before the latest one are
 * forgotten, and beyond {@link Settings#maxArticles()} the oldest go first. The window is measured on when
 * the pipeline saw the article, not on the outlet's {@code publishedAt}: that date is missing, wrong or in
 * the future often enough that a bad one would pin an entry forever or flush the state, and a backfill of
 * old articles should still group its copies. Pass the article's fetch time (or the Kafka record timestamp),
 * which is also the same when a topic is replayed, so replays give the same stories.
 *
 * <p>Copies of a story are on different partitions (records are keyed by URL), so one clusterer must see
 * every article, or be fed every instance's signatures with {@link #remember}. Not thread-safe.
 */
public final class StoryClusterer {
    static final int BANDS = 64;
    static final int ROWS = 2;
    static final double SAME_STORY_CONTAINMENT = 0.5;
    static final double MIN_JACCARD = 0.2;
    /**
     * A copy this close to one already indexed is not indexed itself: it would find nothing the other does not,
     * and a wire story re-published by hundreds of outlets would otherwise fill its buckets with copies that
     * every later copy has to compare against.
     */
    static final double DUPLICATE_JACCARD = 0.9;

    /**
     * @param window      how long after it was first seen an article can still gather copies
     * @param maxArticles the most articles remembered, whatever the window; each costs about 2 KB of heap
     *                    (measured: 100 MB for the default 50,000), most of it the band index
     */
    public record Settings(Duration window, int maxArticles) {
        public static final Settings DEFAULT = new Settings(Duration.ofDays(14), 50_000);

        public Settings {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("story window must be positive, was " + window);
            }
            if (maxArticles < 1) {
                throw new IllegalArgumentException("maxArticles must be at least 1, was " + maxArticles);
            }
        }
    }

    private record Entry(String articleId, String storyId, Instant seenAt, Fingerprint fingerprint, int slot) {}

    private record Match(Entry entry, double jaccard, double containment) {}

    private static final Comparator<Match> BEST_FIRST = Comparator.comparingDouble(Match::jaccard).reversed()
            .thenComparing(Comparator.comparingDouble(Match::containment).reversed())
            .thenComparing(m -> m.entry().seenAt())
            .thenComparing(m -> m.entry().articleId());

    private final Settings settings;
    private final Map<String, Entry> byId = new HashMap<>();
    private final ArrayDeque<Entry> arrivals = new ArrayDeque<>();
    private final BandIndex index = new BandIndex();
    private Entry[] slots = new Entry[256];
    private int[] visited = new int[256];
    private int visit;
    private int[] freeSlots = new int[256];
    private int freeCount;
    private int usedSlots;
    private Instant latest = Instant.MIN;

    public StoryClusterer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A clusterer that remembers these signatures, in whatever order they come (e.g. a compacted topic). */
    public static StoryClusterer restore(Settings settings, Iterable<StorySignature> signatures) {
        List<StorySignature> sorted = new ArrayList<>();
        signatures.forEach(sorted::add);
        sorted.sort(Comparator.comparing(StorySignature::seenAt));
        StoryClusterer clusterer = new StoryClusterer(settings);
        sorted.forEach(clusterer::remember);
        return clusterer;
    }

    /**
     * The story of an article.
     *
     * @param text   the article body; the headline is deliberately not part of it
     * @param seenAt when the pipeline first saw the article (its fetch time); never the outlet's date
     */
    public StoryAssignment assign(String articleId, String text, Instant seenAt) {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(seenAt, "seenAt");
        advanceTo(seenAt);
        Entry known = byId.get(articleId);
        if (known != null) {
            return new StoryAssignment(known.storyId(), known.storyId().equals(articleId), signatureOf(known));
        }
        Fingerprint fingerprint = Fingerprint.of(text);
        Match match = fingerprint.comparable() ? bestMatch(fingerprint) : null;
        boolean duplicate = match != null && match.jaccard() >= DUPLICATE_JACCARD;
        Entry entry = add(articleId, match == null ? articleId : match.entry().storyId(), seenAt, fingerprint, !duplicate);
        return new StoryAssignment(entry.storyId(), match == null, signatureOf(entry));
    }

    /**
     * Remembers an article assigned before, by this process or another.
     *
     * @return false when it is ignored: of another schema, already known, or outside the window
     * @throws IllegalArgumentException when the signature's MinHash is not Base64
     */
    public boolean remember(StorySignature signature) {
        if (signature.schema() != StorySignature.SCHEMA || byId.containsKey(signature.articleId())) {
            return false;
        }
        Fingerprint fingerprint = signature.fingerprint();
        advanceTo(signature.seenAt());
        if (signature.seenAt().isBefore(latest.minus(settings.window()))) {
            return false;
        }
        add(signature.articleId(), signature.storyId(), signature.seenAt(), fingerprint, true);
        return true;
    }

    /** How many articles are remembered. */
    public int size() {
        return byId.size();
    }

    private Match bestMatch(Fingerprint fingerprint) {
        int[] minHash = fingerprint.minHash();
        if (++visit == 0) {
            Arrays.fill(visited, 0);
            visit = 1;
        }
        List<Match> matches = new ArrayList<>();
        for (int band = 0; band < BANDS; band++) {
            index.forEach(bandKey(minHash, band), slot -> {
                if (visited[slot] == visit) {
                    return;
                }
                visited[slot] = visit;
                Entry candidate = slots[slot];
                double jaccard = fingerprint.jaccard(candidate.fingerprint());
                double containment = fingerprint.containment(candidate.fingerprint(), jaccard);
                if (containment >= SAME_STORY_CONTAINMENT && jaccard >= MIN_JACCARD) {
                    matches.add(new Match(candidate, jaccard, containment));
                }
            });
        }
        return matches.stream().min(BEST_FIRST).orElse(null);
    }

    /** @param indexed whether later articles can be compared with this one */
    private Entry add(String articleId, String storyId, Instant seenAt, Fingerprint fingerprint, boolean indexed) {
        int slot = indexed && fingerprint.comparable() ? takeSlot() : -1;
        Entry entry = new Entry(articleId, storyId, seenAt, fingerprint, slot);
        byId.put(articleId, entry);
        arrivals.addLast(entry);
        if (slot >= 0) {
            slots[slot] = entry;
            for (int band = 0; band < BANDS; band++) {
                index.add(bandKey(fingerprint.minHash(), band), slot);
            }
        }
        while (byId.size() > settings.maxArticles()) {
            forget(arrivals.removeFirst());
        }
        return entry;
    }

    /**
     * Moves the clock to {@code seenAt} if it is later and forgets the articles seen more than the window
     * before it. Arrivals are nearly in time order; one that came in late is forgotten when the articles
     * remembered before it are.
     */
    private void advanceTo(Instant seenAt) {
        if (seenAt.isAfter(latest)) {
            latest = seenAt;
        }
        Instant cutoff = latest.minus(settings.window());
        while (!arrivals.isEmpty() && arrivals.peekFirst().seenAt().isBefore(cutoff)) {
            forget(arrivals.removeFirst());
        }
    }

    private void forget(Entry entry) {
        byId.remove(entry.articleId());
        int slot = entry.slot();
        if (slot >= 0) {
            for (int band = 0; band < BANDS; band++) {
                index.remove(bandKey(entry.fingerprint().minHash(), band), slot);
            }
            slots[slot] = null;
            freeSlots[freeCount++] = slot;
        }
    }

    private int takeSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (usedSlots == slots.length) {
            slots = Arrays.copyOf(slots, usedSlots * 2);
            visited = Arrays.copyOf(visited, usedSlots * 2);
            freeSlots = Arrays.copyOf(freeSlots, usedSlots * 2);
        }
        return usedSlots++;
    }

    private static int bandKey(int[] minHash, int band) {
        long h = band * 0x9E3779B97F4A7C15L;
        for (int row = 0; row < ROWS; row++) {
            h = Long.rotateLeft(h, 29) ^ (minHash[band * ROWS + row] & 0xFFFFFFFFL);
        }
        return (int) Fingerprint.mix(h);
    }

    private static StorySignature signatureOf(Entry entry) {
        return StorySignature.of(entry.articleId(), entry.storyId(), entry.seenAt(), entry.fingerprint());
    }
}
