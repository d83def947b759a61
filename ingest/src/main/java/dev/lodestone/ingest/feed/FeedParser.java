package dev.lodestone.ingest.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;

/**
 * Reads RSS (0.9x, 1.0, 2.0), Atom (0.3, 1.0) and JSON Feed (1.0, 1.1) into {@link ParsedFeed}s. Pure: bytes
 * in, values out.
 *
 * <p>Feeds are written by strangers, so a DOCTYPE is refused outright (Rome's default, asserted here
 * rather than assumed): that rules out external entities reading local files and entity-expansion bombs.
 * The rare legacy feed that still declares a DOCTYPE is refused with it. The text is decoded by
 * {@link FeedText}, which trusts the bytes over a wrong declaration, so a mislabelled feed is read rather
 * than garbled.
 *
 * <p>Item dates are taken out of the document before Rome reads it and read by {@link ItemDates}: Rome
 * builds a {@code SimpleDateFormat} for every mask it tries on every date, which at 50 items a poll was
 * half the cost of reading a feed. The dates chosen are the ones Rome would have given.
 */
public final class FeedParser {
    /** "Name <email>", "email (Name)": the two ways RSS crams a person into one string. */
    private static final Pattern NAME_THEN_EMAIL = Pattern.compile("^(.*?)\\s*<[^<>@\\s]+@[^<>\\s]+>$");
    private static final Pattern EMAIL_THEN_NAME = Pattern.compile("^[^()@\\s]+@[^()\\s]+\\s*\\((.*)\\)$");
    private static final Pattern NAME_THEN_PARENTHESISED_EMAIL = Pattern.compile("^(.*?)\\s*\\([^()@\\s]+@[^()\\s]+\\)$");
    private static final List<String> PERSON_ELEMENTS = List.of("author", "creator");
    private static final Pattern BARE_EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private FeedParser() {}

    /**
     * @param feedUrl where the bytes came from, the base for relative links
     * @throws FeedParseException when the bytes are not well-formed XML or JSON, or not a feed
     */
    public static ParsedFeed parse(byte[] bytes, URI feedUrl) throws FeedParseException {
        return parse(FeedText.decode(bytes), feedUrl);
    }

    /** The feed in {@code text}, the bytes already decoded by {@link FeedText}. */
    static ParsedFeed parse(String text, URI feedUrl) throws FeedParseException {
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw new FeedParseException(feedUrl + ": not a feed: empty response", null);
        }
        if (start.startsWith("{")) {
            return JsonFeedParser.parse(text, feedUrl);
        }
        if (looksLikeHtml(start)) {
            throw new FeedParseException(feedUrl + ": not a feed: got an HTML page", null);
        }
        Document document = document(text, feedUrl);
        List<Element> rawEntries = rawEntries(document.getRootElement());
        List<ItemDates> dates = rawEntries.stream().map(ItemDates::detach).toList();
        SyndFeed feed = rome(document, feedUrl);
        if (feed.getEntries().size() != rawEntries.size() || !ItemDates.knowsType(feed.getFeedType())) {
            // Which entry is which raw item, or how Rome reads its dates, is unknown: Rome reads them all.
            document = document(text, feedUrl);
            rawEntries = rawEntries(document.getRootElement());
            dates = null;
            feed = rome(document, feedUrl);
        }
        List<SyndEntry> entries = feed.getEntries();
        List<FeedItem> items = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry entry = entries.get(i);
            List<Element> raw = entries.size() == rawEntries.size() ? rawEntries.get(i).getChildren() : List.of();
            Instant publishedAt = dates != null ? dates.get(i).publishedAt(feed.getFeedType()) : published(entry, raw);
            items.add(new FeedItem(link(entry, feedUrl), blankToNull(entry.getUri()), title(entry, raw),
                    summary(entry), author(entry, raw), publishedAt));
        }
        return new ParsedFeed(clean(feed.getTitle()), feed.getFeedType(), items);
    }

    private static Document document(String text, URI feedUrl) throws FeedParseException {
        try {
            return secureBuilder().build(new XmlFixerReader(new StringReader(text)));
        } catch (JDOMException | IOException | IllegalArgumentException e) {
            throw new FeedParseException(feedUrl + ": not a readable feed: " + oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new FeedParseException(feedUrl + ": not a readable feed: " + e, e);
        }
    }

    private static SyndFeed rome(Document document, URI feedUrl) throws FeedParseException {
        try {
            return new SyndFeedImpl(new WireFeedInput(false, Locale.US).build(document));
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException(feedUrl + ": not a readable feed: " + oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            // Rome trips over some malformed feeds (an <rss> without a <channel>): still just a bad feed.
            throw new FeedParseException(feedUrl + ": not a readable feed: " + e, e);
        }
    }

    /**
     * The XML parser Rome would build, with no DOCTYPE allowed (so no entity of any kind is expanded), but
     * built here so the raw elements stay at hand for the fields Rome drops.
     */
    private static SAXBuilder secureBuilder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setExpandEntities(false);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return builder;
    }

    /** The item or entry elements, in document order: RSS 2.0 nests them in the channel, RSS 1.0 and Atom do not. */
    private static List<Element> rawEntries(Element root) {
        List<Element> entries = new ArrayList<>();
        for (Element child : root.getChildren()) {
            if (child.getName().equals("item") || child.getName().equals("entry")) {
                entries.add(child);
            } else if (child.getName().equals("channel")) {
                child.getChildren().stream().filter(item -> item.getName().equals("item")).forEach(entries::add);
            }
        }
        return entries;
    }

    /** A web page where a feed was expected, the commonest feed misconfiguration, deserves its own message. */
    private static boolean looksLikeHtml(String start) {
        String head = start.substring(0, Math.min(start.length(), 256)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static URI link(SyndEntry entry, URI feedUrl) {
        URI link = resolve(feedUrl, entry.getLink());
        if (link == null && !entry.getLinks().isEmpty()) {
            link = resolve(feedUrl, entry.getLinks().get(0).getHref());
        }
        return link != null ? link : resolve(feedUrl, entry.getUri());
    }

    /** The link resolved against the base, or null when it is not an http or https URL. */
    static URI resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI url = base.resolve(new URI(escapeIllegal(href.trim())));
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null ? url : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
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

    /**
     * The title, else Dublin Core's or an embedded Atom one: feeds mix vocabularies, and the fallbacks
     * here and below are the ones gofeed, the reference for what real feeds need, applies.
     */
    private static String title(SyndEntry entry, List<Element> raw) {
        String title = clean(entry.getTitle());
        if (title.isEmpty() && entry.getModule(DCModule.URI) instanceof DCModule dc) {
            title = clean(dc.getTitle());
        }
        if (title.isEmpty()) {
            title = named(raw, List.of("title")).stream().map(element -> clean(element.getText()))
                    .filter(text -> !text.isEmpty()).findFirst().orElse("");
        }
        return title;
    }

    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return htmlToText(description.getValue());
        }
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return htmlToText(content.getValue());
            }
        }
        return "";
    }

    /**
     * The text of an HTML fragment. A fragment with no tag, character reference or NUL is one text node to
     * jsoup, so its text is jsoup's own whitespace normalisation of it, trimmed, as {@code Element.text()}
     * does: parsing it as a document would cost more than reading the rest of the item.
     */
    static String htmlToText(String html) {
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0 && html.indexOf('\0') < 0) {
            return StringUtil.normaliseWhitespace(html).trim();
        }
        return Jsoup.parseBodyFragment(html).text();
    }

    private static String author(SyndEntry entry, List<Element> raw) {
        String author = personName(entry.getAuthor());
        if (author.isEmpty()) {
            for (SyndPerson person : entry.getAuthors()) {
                author = personName(person.getName());
                if (!author.isEmpty()) {
                    break;
                }
            }
        }
        if (author.isEmpty()) {
            for (Element person : named(raw, PERSON_ELEMENTS)) {
                Element name = person.getChildren().stream()
                        .filter(child -> child.getName().equals("name")).findFirst().orElse(null);
                author = personName(name != null ? name.getText() : person.getText());
                if (!author.isEmpty()) {
                    break;
                }
            }
        }
        return author.isEmpty() ? null : author;
    }

    /** The name in an RSS person string: a bare e-mail address names nobody. */
    static String personName(String person) {
        String text = clean(person);
        Matcher nameThenEmail = NAME_THEN_EMAIL.matcher(text);
        if (nameThenEmail.matches()) {
            return nameThenEmail.group(1).strip();
        }
        Matcher emailThenName = EMAIL_THEN_NAME.matcher(text);
        if (emailThenName.matches()) {
            return emailThenName.group(1).strip();
        }
        Matcher nameThenParenthesisedEmail = NAME_THEN_PARENTHESISED_EMAIL.matcher(text);
        if (nameThenParenthesisedEmail.matches()) {
            return nameThenParenthesisedEmail.group(1).strip();
        }
        return BARE_EMAIL.matcher(text).matches() ? "" : text;
    }

    /** Rome's published, else updated, date: for the rare feed whose item dates Rome has read itself. */
    private static Instant published(SyndEntry entry, List<Element> raw) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date != null ? date.toInstant() : ItemDates.fallback(raw);
    }

    /**
     * An entry's raw child elements with one of the local names, in the names' order of preference: how
     * {@code dc:author}, an Atom author in RSS or {@code itunes:author} are found, whatever the namespace.
     */
    private static List<Element> named(List<Element> raw, List<String> localNames) {
        List<Element> found = new ArrayList<>();
        for (String name : localNames) {
            for (Element element : raw) {
                if (element.getName().equals(name)) {
                    found.add(element);
                }
            }
        }
        return found;
    }

    static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String oneLine(String message) {
        return message == null ? "no detail" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
