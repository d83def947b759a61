package dev.lodestone.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom feeds into {@link ParsedFeed}s. Pure: bytes in, values out.
 *
 * <p>Feeds are written by strangers, so a DOCTYPE is refused outright (Rome's default, asserted here
 * rather than assumed): that rules out external entities reading local files and entity-expansion bombs.
 * The rare legacy feed that still declares a DOCTYPE is refused with it. The encoding is taken from the
 * BOM or the XML prolog, UTF-8 otherwise.
 */
public final class FeedParser {
    private FeedParser() {}

    /**
     * @param feedUrl where the bytes came from, the base for relative links
     * @throws FeedParseException when the bytes are not well-formed XML or not a feed
     */
    public static ParsedFeed parse(byte[] xml, URI feedUrl) throws FeedParseException {
        if (looksLikeHtml(xml)) {
            throw new FeedParseException(feedUrl + ": not a feed: got an HTML page", null);
        }
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(xml), true)) {
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedParseException(feedUrl + ": not a readable feed: " + oneLine(e.getMessage()), e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            URI link = link(entry, feedUrl);
            if (link != null) {
                items.add(new FeedItem(link, clean(entry.getTitle()), summary(entry), author(entry), published(entry)));
            }
        }
        return new ParsedFeed(clean(feed.getTitle()), items);
    }

    /** A web page where a feed was expected, the commonest feed misconfiguration, deserves its own message. */
    private static boolean looksLikeHtml(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 256), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static URI link(SyndEntry entry, URI feedUrl) {
        URI link = resolve(feedUrl, entry.getLink());
        return link != null ? link : resolve(feedUrl, entry.getUri());
    }

    private static URI resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI url = base.resolve(new URI(escapeIllegal(href.trim())));
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Links in the wild carry spaces and other characters a URI may not; browsers escape them too. */
    private static String escapeIllegal(String href) {
        StringBuilder escaped = new StringBuilder(href.length());
        for (char c : href.toCharArray()) {
            switch (c) {
                case ' ' -> escaped.append("%20");
                case '"' -> escaped.append("%22");
                case '<' -> escaped.append("%3C");
                case '>' -> escaped.append("%3E");
                case '|' -> escaped.append("%7C");
                case '^' -> escaped.append("%5E");
                case '`' -> escaped.append("%60");
                case '{' -> escaped.append("%7B");
                case '}' -> escaped.append("%7D");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return Jsoup.parseBodyFragment(description.getValue()).text();
        }
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return Jsoup.parseBodyFragment(content.getValue()).text();
            }
        }
        return "";
    }

    private static String author(SyndEntry entry) {
        String author = clean(entry.getAuthor());
        if (author.isEmpty()) {
            for (SyndPerson person : entry.getAuthors()) {
                author = clean(person.getName());
                if (!author.isEmpty()) {
                    break;
                }
            }
        }
        return author.isEmpty() ? null : author;
    }

    private static Instant published(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String oneLine(String message) {
        return message == null ? "no detail" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
