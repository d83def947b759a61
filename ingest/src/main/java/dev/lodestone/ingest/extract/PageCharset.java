package dev.lodestone.ingest.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how a page's bytes become text, in the order browsers use: the HTTP header, then a byte-order
 * mark, then a {@code <meta charset>} or {@code http-equiv} declaration near the top, then the bytes
 * themselves (valid UTF-8 is UTF-8; anything else is windows-1252, the encoding of the old Western web).
 * Labels are read as browsers read them: {@code iso-8859-1} and {@code us-ascii} mean windows-1252, so
 * curly quotes in pages that say "Latin-1" do not turn into control characters.
 */
final class PageCharset {
    /** Browsers look for the declaration in the first 1024 bytes; pages in the wild put it a little later. */
    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+?charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.\\-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PageCharset() {}

    static String decode(byte[] page, Charset fromHttpHeader) {
        if (page.length >= 3 && (page[0] & 0xff) == 0xef && (page[1] & 0xff) == 0xbb && (page[2] & 0xff) == 0xbf) {
            return new String(page, 3, page.length - 3, fromHttpHeader == null ? StandardCharsets.UTF_8 : fromHttpHeader);
        }
        return new String(page, of(page, fromHttpHeader));
    }

    static Charset of(byte[] page, Charset fromHttpHeader) {
        if (fromHttpHeader != null) {
            return browserAlias(fromHttpHeader);
        }
        if (page.length >= 2 && (page[0] & 0xff) == 0xfe && (page[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (page.length >= 2 && (page[0] & 0xff) == 0xff && (page[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        Matcher declared = META_CHARSET.matcher(new String(page, 0, Math.min(page.length, PRESCAN_BYTES),
                StandardCharsets.ISO_8859_1));
        if (declared.find()) {
            try {
                Charset charset = browserAlias(Charset.forName(declared.group(1)));
                // A page served as bytes cannot really be UTF-16 if its declaration was readable as ASCII.
                if (!charset.name().startsWith("UTF-16")) {
                    return charset;
                }
            } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                // fall through to detection
            }
        }
        return isUtf8(page) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    private static Charset browserAlias(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        return name.equals("iso-8859-1") || name.equals("us-ascii") ? WINDOWS_1252 : charset;
    }

    private static boolean isUtf8(byte[] page) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(page));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
