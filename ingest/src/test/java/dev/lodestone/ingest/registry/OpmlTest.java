package dev.lodestone.ingest.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlTest {
    private static List<FeedSource> read(String resource) throws IOException {
        try (InputStream in = OpmlTest.class.getResourceAsStream("/" + resource)) {
            return Opml.read(in);
        }
    }

    @Test
    void readsFeedsFromAFeedReadersExportWithFoldersAsCategories() throws Exception {
        assertEquals(new FeedSource(URI.create("https://www.dawn.com/feeds/business"), "Dawn - Business",
                URI.create("https://www.dawn.com/business"), "Pakistan", FeedSource.Type.FEED),
                read("registry/reader-export.opml").get(0));
    }

    @Test
    void aCategoryAttributeNamesTheCategory() throws Exception {
        assertEquals("Industry", read("registry/reader-export.opml").get(1).category());
    }

    @Test
    void sitemapAndSectionOutlinesBecomeSourcesOfTheirType() throws Exception {
        List<FeedSource> sources = read("registry/reader-export.opml");

        assertEquals(new FeedSource(URI.create("https://example.org/news-sitemap.xml"), "Example news sitemap", null, "",
                FeedSource.Type.SITEMAP), sources.get(2));
        assertEquals(new FeedSource(URI.create("https://example.org/business/"), "Example business section",
                URI.create("https://example.org/business/"), "", FeedSource.Type.SECTION), sources.get(3));
    }

    @Test
    void outlinesWithoutAnHttpUrlAreSkipped() throws Exception {
        assertEquals(4, read("registry/reader-export.opml").size());
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        List<FeedSource> sources = read("registry/reader-export.opml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Opml.write(sources, out);

        assertEquals(sources, Opml.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void anOpmlFileWithADoctypeIsRefused() {
        byte[] xxe = ("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<opml><body><outline text=\"&x;\" xmlUrl=\"https://example.org/f\"/></body></opml>").getBytes(StandardCharsets.UTF_8);

        IOException error = assertThrows(IOException.class, () -> Opml.read(new ByteArrayInputStream(xxe)));

        assertTrue(error.getMessage().contains("DOCTYPE"), error.getMessage());
    }

    @Test
    void aFileThatIsNotOpmlIsRefusedWithTheReason() {
        IOException error = assertThrows(IOException.class,
                () -> Opml.read(new ByteArrayInputStream("<rss/>".getBytes(StandardCharsets.UTF_8))));

        assertEquals("not an OPML file: the root is <rss>, not <opml> with a <body>", error.getMessage());
    }

    @Test
    void theShippedSourceListIsValidOpmlOfFeeds() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("../config/feeds.opml"))) {
            List<FeedSource> sources = Opml.read(in);

            assertTrue(sources.size() >= 30, "sources: " + sources.size());
            assertTrue(sources.stream().allMatch(source -> source.url().getScheme().equals("https")), sources::toString);
            assertEquals(sources.size(), sources.stream().map(FeedSource::url).distinct().count(), "duplicates");
        }
    }
}
