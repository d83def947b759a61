package dev.lodestone.analyze.story;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * What {@link StoryClusterer} remembers of one article, in a form that travels as JSON, so that the
 * clusterer's state can be kept outside the process (a compacted topic keyed by article id, or inside the
 * tagged records) and rebuilt after a restart with {@link StoryClusterer#restore}.
 *
 * <p>The story id is stored, not recomputed: a restored clusterer gives the stored articles exactly the
 * stories they had, whatever order the signatures come back in.
 *
 * @param schema    {@link #SCHEMA}; signatures of another schema were hashed differently and are ignored
 * @param articleId the article's id
 * @param storyId   the id of the first article of its story
 * @param seenAt    when the clusterer first saw the article; the window is measured on it
 * @param shingles  the number of distinct five-word shingles of the text
 * @param minHash   the 128 MinHash values, big-endian, Base64; empty for a text too short to compare
 */
public record StorySignature(int schema, String articleId, String storyId, Instant seenAt, int shingles,
        String minHash) {

    /** Bumped whenever normalisation, shingling or hashing changes, since old values then mean nothing. */
    public static final int SCHEMA = 1;

    private static final int ENCODED_LENGTH = Base64.getEncoder().encodeToString(
            new byte[Fingerprint.HASHES * Integer.BYTES]).length();

    public StorySignature {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(seenAt, "seenAt");
        minHash = minHash == null ? "" : minHash;
        if (!minHash.isEmpty() && minHash.length() != ENCODED_LENGTH) {
            throw new IllegalArgumentException("minHash of article " + articleId + " has " + minHash.length()
                    + " characters, expected " + ENCODED_LENGTH + " or none");
        }
    }

    static StorySignature of(String articleId, String storyId, Instant seenAt, Fingerprint fingerprint) {
        String encoded = "";
        if (fingerprint.comparable()) {
            ByteBuffer bytes = ByteBuffer.allocate(Fingerprint.HASHES * Integer.BYTES);
            bytes.asIntBuffer().put(fingerprint.minHash());
            encoded = Base64.getEncoder().encodeToString(bytes.array());
        }
        return new StorySignature(SCHEMA, articleId, storyId, seenAt, fingerprint.shingles(), encoded);
    }

    /** @throws IllegalArgumentException when {@code minHash} is not Base64 */
    Fingerprint fingerprint() {
        int[] values = new int[minHash.isEmpty() ? 0 : Fingerprint.HASHES];
        if (!minHash.isEmpty()) {
            ByteBuffer.wrap(Base64.getDecoder().decode(minHash)).asIntBuffer().get(values);
        }
        return new Fingerprint(shingles, values);
    }
}
