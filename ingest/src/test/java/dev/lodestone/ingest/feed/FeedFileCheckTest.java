package dev.lodestone.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFileCheckTest {
    private final FeedFileCheck check = new FeedFileCheck();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        check.close();
    }

    @Test
    void aReadableFeedIsReportedWithItsFormatAndItemCount() throws Exception {
        Path feed = Files.writeString(dir.resolve("dawn.xml"), dev.lodestone.ingest.LoopbackServer.resource("feed/rss2.xml"));

        assertEquals("{\"file\":\"" + feed + "\",\"ok\":true,\"format\":\"rss_2.0\",\"items\":3,\"error\":null}",
                check.check(feed).toJsonLine());
    }

    @Test
    void anUnreadableFeedIsReportedWithItsErrorInOneLine() throws Exception {
        Path page = Files.writeString(dir.resolve("page.xml"), "<html><body>Not a feed</body></html>");

        assertEquals(new FeedFileReport(page.toString(), false, null, 0, "not a feed: got an HTML page"), check.check(page));
    }

    @Test
    void aMissingFileIsReportedNotThrown() {
        FeedFileReport report = check.check(dir.resolve("absent.xml"));

        assertTrue(report.error().startsWith("cannot read: "), report.error());
    }

    @Test
    void aFileOverTheSizeCapIsNotParsed() throws Exception {
        Path huge = Files.write(dir.resolve("huge.xml"), new byte[FeedFileCheck.MAX_BYTES + 1]);

        assertEquals("larger than " + FeedFileCheck.MAX_BYTES + " bytes", check.check(huge).error());
    }

    @Test
    void aFolderIsListedRecursivelyInOrderWithoutHiddenFiles() throws Exception {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/two.xml"), "");
        Files.writeString(dir.resolve("a.xml"), "");
        Files.writeString(dir.resolve(".hidden"), "");

        assertEquals(List.of(dir.resolve("a.xml"), dir.resolve("b/two.xml")), FeedFileCheck.filesIn(dir));
    }
}
