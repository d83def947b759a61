package dev.lodestone.ingest.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageCharsetTest {
    private static final URI PAGE = URI.create("https://dawn.example/news/1");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String STORY = "The \u201cfirst shipment\u201d left Karachi \u2014 caf\u00e9 owners cheered.";

    private static String body(byte[] page, Charset header) {
        return ArticleExtractor.extract(page, header, PAGE).body();
    }

    private static byte[] page(String head, Charset encoding) {
        return ("<html><head>" + head + "</head><body><p>" + STORY + "</p></body></html>").getBytes(encoding);
    }

    @Test
    void aWindows1252PageDeclaredByTheServerIsDecodedAsSuch() {
        assertEquals(STORY, body(page("", WINDOWS_1252), WINDOWS_1252));
    }

    @Test
    void aUtf8PageWithoutAnyDeclarationIsDetected() {
        assertEquals(STORY, body(page("", StandardCharsets.UTF_8), null));
    }

    @Test
    void anUndeclaredPageThatIsNotUtf8IsReadAsWindows1252() {
        assertEquals(STORY, body(page("", WINDOWS_1252), null));
    }

    @Test
    void aMetaLatin1DeclarationIsReadAsWindows1252LikeBrowsersDo() {
        assertEquals(STORY, body(page("<meta charset=\"iso-8859-1\">", WINDOWS_1252), null));
    }

    @Test
    void anHttpEquivDeclarationIsHonoured() {
        String story = "\u8d8a\u5357\u7a00\u571f\u51fa\u53e3\u5230\u7f8e\u56fd\u3002";
        byte[] gbk = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body><p>"
                + story + "</p></body></html>").getBytes(Charset.forName("GBK"));
        assertEquals(story, body(gbk, null));
    }

    @Test
    void theServerHeaderWinsOverTheMetaTag() {
        assertEquals(STORY, body(page("<meta charset=\"utf-8\">", WINDOWS_1252), WINDOWS_1252));
    }

    @Test
    void aByteOrderMarkWinsOverTheMetaTag() {
        byte[] page = page("<meta charset=\"windows-1252\">", StandardCharsets.UTF_8);
        byte[] withBom = new byte[page.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(page, 0, withBom, 3, page.length);
        assertEquals(STORY, body(withBom, null));
    }

    @Test
    void aDeclarationAfterKilobytesOfHeadIsStillFound() {
        String story = "\u8d8a\u5357\u7a00\u571f\u51fa\u53e3\u5230\u7f8e\u56fd\u3002";
        String inlineScript = "<script>var config = '" + "x".repeat(8000) + "';</script>";
        byte[] gbk = ("<html><head>" + inlineScript + "<meta charset=\"gbk\"></head><body><p>" + story + "</p></body></html>")
                .getBytes(Charset.forName("GBK"));
        assertEquals(story, body(gbk, null));
    }

    @Test
    void aCharsetNamedInTheBodyIsNoDeclaration() {
        byte[] page = ("<html><head></head><body><p>" + STORY + "</p><meta charset=\"gbk\"></body></html>").getBytes(WINDOWS_1252);
        assertEquals(STORY, body(page, null));
    }

    @Test
    void utf8BytesOutrankAStaleLegacyDeclaration() {
        String story = "\u8d8a\u5357\u7a00\u571f\u51fa\u53e3\u5230\u7f8e\u56fd\u3002";
        byte[] resaved = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>"
                + story + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        assertEquals(story, body(resaved, null));
    }

    @Test
    void aPageEndingInATruncatedUtf8SequenceIsNotUtf8() {
        byte[] page = "<html><body><p>Caf\u00e9 talks in Quetta.</p></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] truncated = new byte[page.length + 1];
        System.arraycopy(page, 0, truncated, 0, page.length);
        truncated[page.length] = (byte) 0xe2;
        String body = body(truncated, null);
        assertTrue(body.startsWith("Caf\u00c3\u00a9 talks in Quetta."), body);
    }
}
