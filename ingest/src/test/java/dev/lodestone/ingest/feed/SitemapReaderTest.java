package dev.lodestone.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lodestone.ingest.LoopbackServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {
    private static final String SITE = "https://wire.example";

    private static SitemapReader.ParsedSitemap read(String resource) throws FeedParseException {
        byte[] bytes = LoopbackServer.resource(resource).replace("BASE_URL", SITE).getBytes(StandardCharsets.UTF_8);
        return SitemapReader.read(bytes, "application/xml", URI.create(SITE + "/sitemap.xml"));
    }

    @Test
    void aNewsSitemapDatesEachPageByItsPublicationDateAndNamesItByItsTitle() throws Exception {
        assertEquals(List.of(
                new FeedItem(URI.create(SITE + "/news/mou"), null, "FWO and USSM sign $500m minerals MoU", "", null,
                        Instant.parse("2025-10-03T09:00:00Z")),
                new FeedItem(URI.create(SITE + "/news/shipment"), null, "First minerals shipment leaves Karachi", "", null,
                        Instant.parse("2025-10-04T00:00:00Z"))),
                read("sitemap/news.xml").pages());
    }

    @Test
    void aPlainSitemapDatesEachPageByItsLastModification() throws Exception {
        List<FeedItem> pages = read("sitemap/2025-10.xml").pages();

        assertEquals(3, pages.size());
        assertEquals(new FeedItem(URI.create(SITE + "/news/gwadar-history"), null, "", "", null,
                Instant.parse("2025-09-01T00:00:00Z")), pages.get(2));
    }

    @Test
    void anIndexListsItsSitemapsWithTheirDates() throws Exception {
        assertEquals(List.of(
                new SitemapReader.Child(URI.create(SITE + "/sitemaps/2019-01.xml"), Instant.parse("2019-01-31T00:00:00Z")),
                new SitemapReader.Child(URI.create(SITE + "/sitemaps/2025-10.xml"), Instant.parse("2025-10-04T05:30:00Z"))),
                read("sitemap/index.xml").children());
    }

    @Test
    void onlyTheFreshestSitemapsOfAnIndexAreRead() {
        List<SitemapReader.Child> children = List.of(
                new SitemapReader.Child(URI.create(SITE + "/old.xml"), Instant.parse("2019-01-31T00:00:00Z")),
                new SitemapReader.Child(URI.create(SITE + "/undated.xml"), null),
                new SitemapReader.Child(URI.create(SITE + "/september.xml"), Instant.parse("2025-09-30T00:00:00Z")),
                new SitemapReader.Child(URI.create(SITE + "/october.xml"), Instant.parse("2025-10-04T00:00:00Z")));

        assertEquals(List.of(URI.create(SITE + "/october.xml"), URI.create(SITE + "/september.xml")),
                SitemapReader.childrenToRead(children, Instant.parse("2025-09-01T00:00:00Z"), 2));
    }

    @Test
    void aSitemapWithADoctypeIsRefusedSoNoEntityIsResolved() {
        FeedParseException error = assertThrows(FeedParseException.class, () -> read("sitemap/xxe.xml"));

        assertTrue(error.getMessage().startsWith(SITE + "/sitemap.xml: not a readable sitemap: "), error.getMessage());
    }

    @Test
    void anHtmlPageIsNotASitemap() {
        byte[] html = "<html><body><p>Not found</p></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThrows(FeedParseException.class, () -> SitemapReader.read(html, "text/html", URI.create(SITE + "/sitemap.xml")));
    }
}
