package dev.lodestone.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a feed's bytes to text, choosing the charset so that mojibake cannot happen. Servers and feed
 * generators often declare one charset and write another; the order of evidence here is: a byte order mark,
 * then the bytes themselves when they are valid UTF-8 beyond ASCII (text in another charset is practically
 * never valid UTF-8 by accident, so a wrong "ISO-8859-1" declaration on UTF-8 text is overruled), then the
 * XML prolog's declaration when this JVM knows it, and Windows-1252 when all else fails, since it maps
 * every byte and is what "Latin-1" text on the web actually is.
 */
final class FeedText {
    private static final Pattern XML_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FeedText() {}

    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        Optional<String> utf8 = strictUtf8(bytes);
        if (utf8.isPresent() && !isAscii(bytes)) {
            return utf8.get();
        }
        Optional<Charset> declared = declaredCharset(bytes);
        if (declared.isPresent()) {
            return new String(bytes, declared.get());
        }
        return utf8.orElseGet(() -> new String(bytes, WINDOWS_1252));
    }

    private static Optional<Charset> declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher matcher = XML_ENCODING.matcher(head);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            Charset charset = Charset.forName(matcher.group(1));
            // A UTF-16 declaration on bytes without a BOM that read as ASCII is a lie the prolog itself exposes.
            return charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")
                    ? Optional.empty() : Optional.of(charset);
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
