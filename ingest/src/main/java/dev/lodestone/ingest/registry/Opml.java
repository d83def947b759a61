package dev.lodestone.ingest.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Reads and writes feed lists as OPML, the format every feed reader imports and exports, so a newsroom's
 * existing list moves in and out of Lodestone in one file. Pure: streams in, values out.
 *
 * <p>An outline with an {@code xmlUrl} is a feed ({@code type="rss"}, the usual case) or a sitemap
 * ({@code type="sitemap"}); an outline {@code type="section"} is a section page, at its {@code htmlUrl}.
 * The category is an outline's {@code category} attribute, else the title of the folder outline it sits in,
 * which is how readers export folders. Outlines without a usable URL are skipped; like feed XML, an OPML
 * file with a DOCTYPE is refused, so no entity is ever resolved.
 */
public final class Opml {
    private Opml() {}

    /** @throws IOException when the stream is not well-formed OPML */
    public static List<FeedSource> read(InputStream in) throws IOException {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setExpandEntities(false);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document;
        try {
            document = builder.build(in);
        } catch (JDOMException e) {
            throw new IOException("not a readable OPML file: " + e.getMessage(), e);
        }
        Element root = document.getRootElement();
        if (!root.getName().equals("opml") || root.getChild("body") == null) {
            throw new IOException("not an OPML file: the root is <" + root.getName() + ">, not <opml> with a <body>");
        }
        List<FeedSource> sources = new ArrayList<>();
        collect(root.getChild("body").getChildren("outline"), "", sources);
        return sources;
    }

    private static void collect(List<Element> outlines, String folder, List<FeedSource> sources) {
        for (Element outline : outlines) {
            String title = firstNonBlank(outline.getAttributeValue("title"), outline.getAttributeValue("text"));
            String type = outline.getAttributeValue("type", "").toLowerCase(Locale.ROOT);
            URI xmlUrl = url(outline.getAttributeValue("xmlUrl"));
            URI htmlUrl = url(outline.getAttributeValue("htmlUrl"));
            String category = firstNonBlank(outline.getAttributeValue("category"), folder);
            if (type.equals("section") && htmlUrl != null) {
                sources.add(new FeedSource(htmlUrl, title, htmlUrl, category, FeedSource.Type.SECTION));
            } else if (xmlUrl != null) {
                FeedSource.Type kind = type.equals("sitemap") ? FeedSource.Type.SITEMAP : FeedSource.Type.FEED;
                sources.add(new FeedSource(xmlUrl, title, htmlUrl, category, kind));
            }
            collect(outline.getChildren("outline"), xmlUrl == null ? title : folder, sources);
        }
    }

    /** Writes the sources as OPML 2.0, one flat outline each with its category as an attribute. */
    public static void write(List<FeedSource> sources, OutputStream out) throws IOException {
        Element head = new Element("head").addContent(new Element("title").setText("Lodestone sources"));
        Element body = new Element("body");
        for (FeedSource source : sources) {
            Element outline = new Element("outline")
                    .setAttribute("type", source.type().opmlName())
                    .setAttribute("text", source.title())
                    .setAttribute("title", source.title());
            if (source.type() == FeedSource.Type.SECTION) {
                outline.setAttribute("htmlUrl", source.url().toString());
            } else {
                outline.setAttribute("xmlUrl", source.url().toString());
                if (source.htmlUrl() != null) {
                    outline.setAttribute("htmlUrl", source.htmlUrl().toString());
                }
            }
            if (!source.category().isEmpty()) {
                outline.setAttribute("category", source.category());
            }
            body.addContent(outline);
        }
        Element opml = new Element("opml").setAttribute("version", "2.0").addContent(head).addContent(body);
        new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).output(new Document(opml), out);
    }

    private static URI url(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI url = new URI(value.trim());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && url.getHost() != null ? url : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.strip();
        }
        return second == null ? "" : second.strip();
    }
}
