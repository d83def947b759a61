package dev.lodestone.ingest.feed;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Reads sitemaps (XML, text, gzipped), news sitemaps and sitemap indexes through crawler-commons, for sites
 * that publish no feed. Pure: bytes in, values out.
 *
 * <p>A page's date is its {@code news:publication_date} when the sitemap is a news sitemap, else its
 * {@code lastmod}: a news sitemap lists the last two days of a site's articles with their publication time,
 * which is as good as a feed. The parser is lenient about where listed URLs live (news sitemaps commonly
 * sit in {@code /sitemaps/} and list articles elsewhere on the site) and refuses DOCTYPEs, as feeds are refused.
 */
public final class SitemapReader {
    private SitemapReader() {}

    /**
     * A sitemap, reduced to what ingest uses.
     *
     * @param pages    the pages listed, as feed items with a link, the news title when given, and a date
     * @param children for a sitemap index, the sitemaps it lists; empty for a plain sitemap
     */
    public record ParsedSitemap(List<FeedItem> pages, List<Child> children) {
        public ParsedSitemap {
            pages = List.copyOf(pages);
            children = List.copyOf(children);
        }
    }

    /** A sitemap listed by an index, with its {@code lastmod} (null when not given). */
    public record Child(URI url, Instant lastModified) {}

    /**
     * @param contentType the response's {@code Content-Type}, which tells XML from text and gzip
     * @throws FeedParseException when the bytes are no sitemap crawler-commons can read
     */
    public static ParsedSitemap read(byte[] body, String contentType, URI sitemapUrl) throws FeedParseException {
        SiteMapParser parser = new SiteMapParser(false);
        parser.setAllowDocTypeDefinitions(false);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap sitemap;
        try {
            sitemap = parser.parseSiteMap(contentType.isEmpty() ? "text/xml" : contentType, body, sitemapUrl.toURL());
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new FeedParseException(sitemapUrl + ": not a readable sitemap: " + oneLine(e.getMessage()), e);
        }
        if (sitemap instanceof SiteMapIndex index) {
            List<Child> children = new ArrayList<>();
            for (AbstractSiteMap child : index.getSitemaps()) {
                URI url = uri(child.getUrl());
                if (url != null) {
                    children.add(new Child(url, instant(child.getLastModified())));
                }
            }
            return new ParsedSitemap(List.of(), children);
        }
        List<FeedItem> pages = new ArrayList<>();
        for (SiteMapURL entry : ((SiteMap) sitemap).getSiteMapUrls()) {
            URI url = uri(entry.getUrl());
            if (url == null) {
                continue;
            }
            NewsAttributes news = news(entry);
            Instant published = news != null && news.getPublicationDate() != null
                    ? news.getPublicationDate().toInstant() : instant(entry.getLastModified());
            String title = news == null || news.getTitle() == null ? "" : news.getTitle().strip();
            pages.add(new FeedItem(url, null, title, "", null, published));
        }
        return new ParsedSitemap(pages, List.of());
    }

    /**
     * The children of an index worth reading on this visit: those changed since {@code since} or undated,
     * the most recently changed first and undated ones after them in index order, at most {@code max}. An
     * index of a big site lists years of monthly archives; only the newest can hold new articles.
     */
    public static List<URI> childrenToRead(List<Child> children, Instant since, int max) {
        return children.stream()
                .filter(child -> child.lastModified() == null || !child.lastModified().isBefore(since))
                .sorted(Comparator.comparing(Child::lastModified, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(max)
                .map(Child::url)
                .toList();
    }

    private static NewsAttributes news(SiteMapURL entry) {
        ExtensionMetadata[] attributes = entry.getAttributesForExtension(Extension.NEWS);
        return attributes != null && attributes.length > 0 && attributes[0] instanceof NewsAttributes news ? news : null;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static URI uri(URL url) {
        try {
            return url == null ? null : url.toURI();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String oneLine(String message) {
        return message == null ? "unknown format" : message.replaceAll("\\s+", " ").strip();
    }
}
