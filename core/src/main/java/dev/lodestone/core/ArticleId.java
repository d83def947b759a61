package dev.lodestone.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of every record about an article: the SHA-256 (lower-case hex) of its canonical URL. The same
 * URL gets the same id whichever feed or page it was found through, so copies collapse onto one key.
 */
public final class ArticleId {
    private ArticleId() {}

    public static String of(String canonicalUrl) {
        return sha256Hex(canonicalUrl);
    }

    /** The hex SHA-256 of text, also used as an article body's content hash. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
