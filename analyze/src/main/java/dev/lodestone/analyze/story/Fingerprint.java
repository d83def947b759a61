package dev.lodestone.analyze.story;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The MinHash of a text's set of five-word shingles, and the size of that set.
 *
 * <p>Words are compared after Unicode NFKC and lower-casing, with punctuation dropped, so curly and straight
 * quotes, dashes, full-width letters and line breaks do not tell two copies apart. Apostrophes inside a word
 * are ignored ("Pakistan’s" and "Pakistan's" are one word). Combining marks stay inside their word, so Hindi
 * and Urdu words are not split at vowel signs; Chinese and Japanese, written without spaces, count each
 * ideograph as a word.
 *
 * <p>Five-word shingles: short enough that one edited word changes only five of them, long enough that two
 * different reports sharing the story's stock names ("Frontier Works Organisation", "US Strategic Metals")
 * share few. The shingle size, the normalisation and the seeds are part of {@link StorySignature#SCHEMA}:
 * changing any of them makes stored signatures incomparable.
 *
 * <p>A text with fewer than {@link #MIN_SHINGLES} distinct shingles (about twenty words) gets no MinHash:
 * such stubs ("Subscribe to read more.") are shared by unrelated articles and too small to estimate a
 * similarity from, so they never join a story.
 */
final class Fingerprint {
    static final int SHINGLE_WORDS = 5;
    static final int HASHES = 128;
    static final int MIN_SHINGLES = 16;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static final long[] MULTIPLIERS = new long[HASHES];
    private static final long[] ADDENDS = new long[HASHES];

    static {
        SplittableRandom seeds = new SplittableRandom(0x10DE5708EL);
        for (int i = 0; i < HASHES; i++) {
            MULTIPLIERS[i] = seeds.nextLong() | 1L;
            ADDENDS[i] = seeds.nextLong();
        }
    }

    private final int shingles;
    private final int[] minHash;

    /** {@code minHash} is kept, not copied: fingerprints are built here or decoded, and never handed out. */
    Fingerprint(int shingles, int[] minHash) {
        this.shingles = shingles;
        this.minHash = minHash;
    }

    static Fingerprint of(String text) {
        long[] shingles = shingles(wordHashes(text == null ? "" : text));
        Arrays.sort(shingles);
        int distinct = 0;
        for (int i = 0; i < shingles.length; i++) {
            if (i == 0 || shingles[i] != shingles[i - 1]) {
                shingles[distinct++] = shingles[i];
            }
        }
        if (distinct < MIN_SHINGLES) {
            return new Fingerprint(distinct, new int[0]);
        }
        return new Fingerprint(distinct, minHash(shingles, distinct));
    }

    /** How many distinct shingles the text has. */
    int shingles() {
        return shingles;
    }

    /** The {@link #HASHES} MinHash values, or none for a text too short to compare. */
    int[] minHash() {
        return minHash;
    }

    boolean comparable() {
        return minHash.length == HASHES;
    }

    /** The estimated Jaccard similarity of the two shingle sets: the share of MinHash values they agree on. */
    double jaccard(Fingerprint other) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (minHash[i] == other.minHash[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }

    /**
     * The estimated share of the smaller set found in the larger, from the Jaccard estimate and the two set
     * sizes: |A∩B| = J(|A|+|B|)/(1+J). It is what tells a truncated copy from a different report.
     */
    double containment(Fingerprint other, double jaccard) {
        double common = jaccard / (1 + jaccard) * (shingles + other.shingles);
        return Math.min(1.0, common / Math.min(shingles, other.shingles));
    }

    private static int[] minHash(long[] shingles, int count) {
        int[] min = new int[HASHES];
        Arrays.fill(min, Integer.MAX_VALUE);
        for (int s = 0; s < count; s++) {
            long x = shingles[s];
            for (int i = 0; i < HASHES; i++) {
                int h = (int) ((x * MULTIPLIERS[i] + ADDENDS[i]) >>> 32);
                if (h < min[i]) {
                    min[i] = h;
                }
            }
        }
        return min;
    }

    private static long[] shingles(WordHashes words) {
        int count = words.size - SHINGLE_WORDS + 1;
        if (count <= 0) {
            return new long[0];
        }
        long[] shingles = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0;
            for (int j = 0; j < SHINGLE_WORDS; j++) {
                h = Long.rotateLeft(h, 23) ^ words.hashes[i + j];
            }
            shingles[i] = mix(h);
        }
        return shingles;
    }

    private static WordHashes wordHashes(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        WordHashes words = new WordHashes();
        long hash = FNV_OFFSET;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isIdeograph(cp)) {
                if (inWord) {
                    words.add(hash);
                }
                words.add((FNV_OFFSET ^ cp) * FNV_PRIME);
                inWord = false;
                hash = FNV_OFFSET;
            } else if (isWordPart(cp)) {
                hash = (hash ^ Character.toLowerCase(cp)) * FNV_PRIME;
                inWord = true;
            } else if (!(inWord && isApostrophe(cp))) {
                if (inWord) {
                    words.add(hash);
                }
                inWord = false;
                hash = FNV_OFFSET;
            }
        }
        if (inWord) {
            words.add(hash);
        }
        return words;
    }

    private static boolean isWordPart(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u02BC';
    }

    private static boolean isIdeograph(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** Murmur3's 64-bit finaliser: spreads the bits of a combined hash before it is hashed again. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53a85b3L;
        h ^= h >>> 33;
        return h;
    }

    private static final class WordHashes {
        long[] hashes = new long[256];
        int size;

        void add(long hash) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = hash;
        }
    }
}
