package dev.lodestone.newswire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Test content under src/test/resources/newswire and a safe XML parser for the feeds. */
final class Fixtures {
    private Fixtures() {}

    /** Two outlets (one RSS, one Atom), four articles, one with HTML special characters in its title. */
    static SampleArticles small() {
        return read("small-newswire.json");
    }

    static SampleArticles read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/newswire/" + name)) {
            return SampleArticles.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses XML with DTDs refused, as a feed reader must. */
    static Document parseXml(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }
}
