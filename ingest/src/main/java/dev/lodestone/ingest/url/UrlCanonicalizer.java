package dev.lodestone.ingest.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One spelling per article URL, so that the same article reached through different feeds, campaigns or
 * share buttons gets the same {@link dev.lodestone.core.ArticleId}.
 *
 * <p>Lower-cases scheme and host, drops default ports, fragments and tracking parameters, sorts the
 * remaining query parameters and removes an empty query. Path case and parameter values are kept: servers
 * may treat them as significant. The result is in ASCII form (non-ASCII characters percent-encoded), so an
 * encoded and an unencoded spelling of one URL collapse too.
 */
public final class UrlCanonicalizer {
    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "ocid", "cmpid",
            "_ga", "_gl", "smid", "ito");

    private UrlCanonicalizer() {}

    /**
     * @throws IllegalArgumentException when the URL is not absolute http or https, or has no host
     */
    public static String canonicalize(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("unsupported URL scheme '" + scheme + "' in " + url + ": only http and https");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("URL " + url + " has no host");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        boolean defaultPort = url.getPort() == -1
                || (scheme.equals("http") && url.getPort() == 80)
                || (scheme.equals("https") && url.getPort() == 443);

        StringBuilder canonical = new StringBuilder(scheme).append("://");
        if (url.getRawUserInfo() != null) {
            canonical.append(url.getRawUserInfo()).append('@');
        }
        canonical.append(host);
        if (!defaultPort) {
            canonical.append(':').append(url.getPort());
        }
        String path = url.getRawPath();
        canonical.append(path == null || path.isEmpty() ? "/" : path);
        String query = keptParameters(url.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        try {
            return new URI(canonical.toString()).normalize().toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("URL " + url + " cannot be canonicalised: " + e.getMessage(), e);
        }
    }

    private static String keptParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (!parameter.isEmpty() && !isTracking(parameter)) {
                kept.add(parameter);
            }
        }
        kept.sort(null);
        return String.join("&", kept);
    }

    private static boolean isTracking(String parameter) {
        int equals = parameter.indexOf('=');
        String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || TRACKING_PARAMETERS.contains(name);
    }
}
