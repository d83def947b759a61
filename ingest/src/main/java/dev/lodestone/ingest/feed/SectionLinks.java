package dev.lodestone.ingest.feed;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the links to articles on a section page (a site's "Business" or "Pakistan" front), for outlets
 * that publish no feed: what a reader's eye does, as rules. Pure: a parsed page in, links out.
 *
 * <p>A link is an article when it stays on the page's site (same registrable domain, so {@code
 * www.dawn.com} and {@code epaper.dawn.com} are one site, {@code dawn.com} and {@code example.com} two) and
 * its path looks like one, as newsrooms' content systems write them: a date ({@code /2025/10/03/},
 * {@code /2025-10-03/}), a long hyphenated slug ({@code /pakistan-ships-first-rare-earths-to-us}) or a long
 * numeric id ({@code /news/1943210}). It is not one when it sits in the page's {@code <nav>} or
 * {@code <footer>}, or when any path segment names a listing or a utility page (tag, author, category,
 * login, video...). Links are returned once each, in page order, with the longest text any of them had.
 */
public final class SectionLinks {
    /** A date in the path followed by a segment with words: {@code /2025/10/03/slug}, {@code /2025-10-03/slug}. */
    private static final Pattern DATED = Pattern.compile(
            "/(19|20)\\d{2}/(0?[1-9]|1[0-2])/((0?[1-9]|[12]\\d|3[01])/)?[^/]*[a-z][^/]*"
            + "|/(19|20)\\d{2}-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\\d|3[01])[/-][^/]*[a-z][^/]*");
    private static final Pattern NUMERIC_ID = Pattern.compile("(^|[^0-9])[0-9]{5,}([^0-9]|$)");
    private static final Pattern EXTENSION = Pattern.compile("\\.(s?html?|php|aspx?|cms)$");
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            "\\.(jpe?g|png|gif|webp|svg|pdf|mp[34]|zip|xml|rss|json|css|js)$", Pattern.CASE_INSENSITIVE);
    private static final int MIN_SLUG_WORDS = 4;
    private static final Set<String> NOT_ARTICLES = Set.of(
            "tag", "tags", "topic", "topics", "author", "authors", "writer", "writers", "category", "categories",
            "section", "sections", "login", "signin", "sign-in", "logout", "register", "signup", "sign-up",
            "subscribe", "subscription", "account", "profile", "video", "videos", "watch", "live-tv", "tv",
            "gallery", "galleries", "photos", "photo", "pictures", "podcast", "podcasts", "search", "about",
            "about-us", "contact", "contact-us", "privacy", "privacy-policy", "terms", "terms-of-use",
            "newsletter", "newsletters", "careers", "jobs", "advertise", "feed", "rss", "epaper", "e-paper",
            "archive", "archives", "page", "cookie-policy", "help", "faq");

    private SectionLinks() {}

    /** The article links of the page, as feed items holding only a link and the link's text. */
    public static List<FeedItem> articles(Document page, URI pageUrl) {
        String site = registrableDomain(pageUrl.getHost());
        Map<URI, String> found = new LinkedHashMap<>();
        for (Element anchor : page.select("a[href]")) {
            if (anchor.closest("nav, footer") != null) {
                continue;
            }
            URI link = absolute(anchor.absUrl("href"));
            if (link == null || link.getHost() == null || !site.equals(registrableDomain(link.getHost()))
                    || sameDocument(link, pageUrl) || !looksLikeArticle(link.getPath())) {
                continue;
            }
            String text = anchor.text().strip();
            if (text.isEmpty()) {
                text = anchor.attr("title").strip();
            }
            String known = found.get(link);
            if (known == null || text.length() > known.length()) {
                found.put(link, text);
            }
        }
        List<FeedItem> articles = new ArrayList<>(found.size());
        found.forEach((url, text) -> articles.add(new FeedItem(url, null, text, "", null, null)));
        return articles;
    }

    /** Whether a URL path reads like one article's rather than a listing's or a utility page's. */
    static boolean looksLikeArticle(String path) {
        if (path == null || path.isEmpty() || path.equals("/") || NOT_A_PAGE.matcher(path).find()) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        String[] segments = lower.split("/");
        for (String segment : segments) {
            if (NOT_ARTICLES.contains(segment)) {
                return false;
            }
        }
        String last = lastSegment(segments);
        String slug = EXTENSION.matcher(last).replaceFirst("");
        boolean longSlug = slug.split("[-_]+").length >= MIN_SLUG_WORDS;
        return DATED.matcher(lower).find() || longSlug || NUMERIC_ID.matcher(lower).find();
    }

    private static String lastSegment(String[] segments) {
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty()) {
                return segments[i];
            }
        }
        return "";
    }

    private static URI absolute(String href) {
        if (href.isEmpty()) {
            return null;
        }
        try {
            URI url = new URI(href);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            return new URI(url.getScheme(), url.getRawAuthority() == null ? null : url.getAuthority(), url.getPath(),
                    url.getQuery(), null);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static boolean sameDocument(URI link, URI page) {
        return link.getPath().equals(page.getPath()) && link.getHost().equalsIgnoreCase(page.getHost());
    }

    /** The domain a registrant holds ({@code dawn.com} for {@code www.dawn.com}); the host itself for an IP address. */
    private static String registrableDomain(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        String assigned = EffectiveTldFinder.getAssignedDomain(lower, true, false);
        return assigned == null || assigned.isEmpty() ? lower : assigned;
    }
}
