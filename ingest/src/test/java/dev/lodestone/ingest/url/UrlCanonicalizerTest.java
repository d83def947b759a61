package dev.lodestone.ingest.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {
    private static String canonical(String url) {
        return UrlCanonicalizer.canonicalize(URI.create(url));
    }

    @Test
    void schemeAndHostAreLowerCasedButThePathIsNot() {
        assertEquals("https://www.dawn.com/News/1940001", canonical("HTTPS://WWW.Dawn.com/News/1940001"));
    }

    @Test
    void defaultPortsAreDropped() {
        assertEquals("http://example.org/a", canonical("http://example.org:80/a"));
        assertEquals("https://example.org/a", canonical("https://example.org:443/a"));
    }

    @Test
    void otherPortsAreKept() {
        assertEquals("https://example.org:8443/a", canonical("https://example.org:8443/a"));
    }

    @Test
    void theFragmentIsDropped() {
        assertEquals("https://example.org/story", canonical("https://example.org/story#comments"));
    }

    @Test
    void trackingParametersAreDropped() {
        assertEquals("https://example.org/story",
                canonical("https://example.org/story?utm_source=rss&utm_medium=feed&fbclid=x&gclid=y&mc_cid=1&mc_eid=2&ocid=3&cmpid=4"));
    }

    @Test
    void remainingParametersAreSorted() {
        assertEquals("https://example.org/story?a=1&id=42&page=2",
                canonical("https://example.org/story?page=2&utm_campaign=z&id=42&a=1"));
    }

    @Test
    void anEmptyQueryLeavesNoQuestionMark() {
        assertEquals("https://example.org/story", canonical("https://example.org/story?"));
    }

    @Test
    void anEmptyPathBecomesSlash() {
        assertEquals("https://example.org/", canonical("https://example.org"));
    }

    @Test
    void encodedAndUnencodedSpellingsAgree() {
        assertEquals(canonical("https://example.org/caf%C3%A9"), canonical("https://example.org/café"));
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> canonical("ftp://example.org/file"));
        assertEquals("unsupported URL scheme 'ftp' in ftp://example.org/file: only http and https", error.getMessage());
    }
}
