package dev.lodestone.newswire;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders an outlet's feed: RSS 2.0 (with {@code dc:creator} for the author) or Atom 1.0. Written through a
 * StAX writer, so every title and summary is XML-escaped whatever it contains.
 */
public final class Feeds {
    /** Feeds carry at most this many items, newest first, as most real feeds do. */
    public static final int MAX_ITEMS = 50;

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Feeds() {}

    /**
     * The outlet's feed document.
     *
     * @param newestFirst the outlet's published articles, newest first; only the first {@link #MAX_ITEMS} are listed
     * @param baseUrl     the newswire's root URL; links in the feed are absolute
     */
    public static String render(Outlet outlet, List<SampleArticle> newestFirst, URI baseUrl) {
        List<SampleArticle> items = newestFirst.subList(0, Math.min(MAX_ITEMS, newestFirst.size()));
        var out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            switch (outlet.feed()) {
                case RSS -> rss(xml, outlet, items, baseUrl);
                case ATOM -> atom(xml, outlet, items, baseUrl);
            }
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the feed of " + outlet.id(), e);
        }
        return out.toString();
    }

    private static void rss(XMLStreamWriter xml, Outlet outlet, List<SampleArticle> items, URI base)
            throws XMLStreamException {
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("atom", ATOM_NS);
        xml.writeNamespace("dc", DC_NS);
        xml.writeStartElement("channel");
        element(xml, "title", outlet.name());
        element(xml, "link", absolute(base, outlet.homePath()));
        element(xml, "description", outlet.tagline());
        element(xml, "language", "en");
        xml.writeEmptyElement("atom", "link", ATOM_NS);
        xml.writeAttribute("href", absolute(base, outlet.feedPath()));
        xml.writeAttribute("rel", "self");
        xml.writeAttribute("type", "application/rss+xml");
        if (!items.isEmpty()) {
            element(xml, "lastBuildDate", rfc1123(items.get(0).publishedAt()));
        }
        for (SampleArticle a : items) {
            String url = absolute(base, a.path());
            xml.writeStartElement("item");
            element(xml, "title", a.title());
            element(xml, "link", url);
            xml.writeStartElement("guid");
            xml.writeAttribute("isPermaLink", "true");
            xml.writeCharacters(url);
            xml.writeEndElement();
            element(xml, "pubDate", rfc1123(a.publishedAt()));
            xml.writeStartElement("dc", "creator", DC_NS);
            xml.writeCharacters(a.author());
            xml.writeEndElement();
            element(xml, "category", a.section());
            element(xml, "description", a.lead());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void atom(XMLStreamWriter xml, Outlet outlet, List<SampleArticle> items, URI base)
            throws XMLStreamException {
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM_NS);
        element(xml, "title", outlet.name());
        element(xml, "subtitle", outlet.tagline());
        element(xml, "id", absolute(base, outlet.homePath()));
        link(xml, "self", absolute(base, outlet.feedPath()));
        link(xml, "alternate", absolute(base, outlet.homePath()));
        element(xml, "updated", (items.isEmpty() ? Instant.EPOCH : items.get(0).publishedAt()).toString());
        for (SampleArticle a : items) {
            String url = absolute(base, a.path());
            xml.writeStartElement("entry");
            element(xml, "title", a.title());
            link(xml, "alternate", url);
            element(xml, "id", url);
            element(xml, "published", a.publishedAt().toString());
            element(xml, "updated", a.publishedAt().toString());
            xml.writeStartElement("author");
            element(xml, "name", a.author());
            xml.writeEndElement();
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", a.section());
            xml.writeStartElement("summary");
            xml.writeAttribute("type", "text");
            xml.writeCharacters(a.lead());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    private static String rfc1123(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    static String absolute(URI base, String path) {
        return base.resolve(path).toString();
    }
}
