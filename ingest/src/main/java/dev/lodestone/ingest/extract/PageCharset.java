package dev.lodestone.ingest.extract;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how a page's bytes become text: the HTTP header, then a byte-order mark, then the bytes
 * themselves when they are UTF-8 with non-ASCII text in it, then a {@code <meta charset>} or
 * {@code http-equiv} declaration in the {@code <head>}, and windows-1252 (the encoding of the old Western
 * web) when nothing says otherwise. Unlike a browser, valid UTF-8 outranks the meta tag: a page saved or
 * re-served as UTF-8 keeps its old {@code charset=gb2312} declaration, while text in a legacy multi-byte or
 * Latin encoding is practically never valid UTF-8 by accident, so the bytes are the better witness.
 * Labels are read as browsers read them: {@code iso-8859-1} and {@code us-ascii} mean windows-1252, so
 * curly quotes in pages that say "Latin-1" do not turn into control characters.
 */
final class PageCharset {
    /**
     * Browsers look for the declaration in the first 1024 bytes; pages in the wild put it after kilobytes of
     * inline scripts and styles, so the whole {@code <head>} is read, up to this much.
     */
    private static final int PRESCAN_BYTES = 64 * 1024;
    private static final Pattern HEAD_END = Pattern.compile("(?i)</head|<body");
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
        if (isNonAsciiUtf8(page)) {
            return StandardCharsets.UTF_8;
        }
        String prefix = new String(page, 0, Math.min(page.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher headEnd = HEAD_END.matcher(prefix);
        Matcher declared = META_CHARSET.matcher(headEnd.find() ? prefix.substring(0, headEnd.start()) : prefix);
        if (declared.find()) {
            try {
                Charset charset = browserAlias(Charset.forName(declared.group(1)));
                // A page served as bytes cannot really be UTF-16 if its declaration was readable as ASCII.
                if (!charset.name().startsWith("UTF-16")) {
                    return charset;
                }
            } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
                // an unknown label is no declaration
            }
        }
        return WINDOWS_1252;
    }

    private static Charset browserAlias(Charset charset) {
        String name = charset.name().toLowerCase(Locale.ROOT);
        return name.equals("iso-8859-1") || name.equals("us-ascii") ? WINDOWS_1252 : charset;
    }

    /**
     * Whether the bytes are well-formed UTF-8 with at least one non-ASCII character; pure ASCII proves
     * nothing (it reads the same in any charset a meta tag can name), so it is left to the tag. A byte scan
     * rather than a decoder, so that the usual page is not decoded twice.
     */
    private static boolean isNonAsciiUtf8(byte[] page) {
        boolean nonAscii = false;
        int i = 0;
        while (i < page.length) {
            int lead = page[i] & 0xff;
            if (lead < 0x80) {
                i++;
                continue;
            }
            nonAscii = true;
            int continuations;
            int secondLow = 0x80;
            int secondHigh = 0xbf;
            if (lead >= 0xc2 && lead <= 0xdf) {
                continuations = 1;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                continuations = 2;
                secondLow = lead == 0xe0 ? 0xa0 : 0x80;
                secondHigh = lead == 0xed ? 0x9f : 0xbf;
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                continuations = 3;
                secondLow = lead == 0xf0 ? 0x90 : 0x80;
                secondHigh = lead == 0xf4 ? 0x8f : 0xbf;
            } else {
                return false;
            }
            if (i + continuations >= page.length) {
                return false;
            }
            int second = page[i + 1] & 0xff;
            if (second < secondLow || second > secondHigh) {
                return false;
            }
            for (int k = 2; k <= continuations; k++) {
                int next = page[i + k] & 0xff;
                if (next < 0x80 || next > 0xbf) {
                    return false;
                }
            }
            i += continuations + 1;
        }
        return nonAscii;
    }
}
