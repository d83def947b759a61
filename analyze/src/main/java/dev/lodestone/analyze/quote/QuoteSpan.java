package dev.lodestone.analyze.quote;

import dev.lodestone.core.Mention;
import java.util.ArrayList;
import java.util.List;

/**
 * A quotation in a text: where its marks stand and where the quoted words are, without the marks, surrounding
 * space or the comma that belongs to the attribution ({@code “We are ready,” said ...}).
 *
 * <p>Straight double quotes open only after a space, a bracket, a dash or a colon and close only before a
 * non-letter, so inch marks and stray quotes do not pair up; single curly quotes open only before a letter and
 * close only where they are not an apostrophe ("Pakistan’s"). A quotation does not run over a blank line.
 */
record QuoteSpan(int open, int close, int textStart, int textEnd) {
    private static final int LONGEST = 3_000;

    boolean contains(Mention m) {
        return m.start() >= open && m.end() <= close + 1;
    }

    static List<QuoteSpan> in(String text) {
        List<QuoteSpan> spans = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int close = switch (c) {
                case '“' -> closing(text, i, '”', '“');
                case '«' -> closing(text, i, '»', '«');
                case '"' -> opensStraight(text, i) ? closing(text, i, '"', '\0') : -1;
                case '‘' -> i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1)) ? closing(text, i, '’', '‘') : -1;
                default -> -1;
            };
            if (close > 0) {
                int start = i + 1;
                int end = close;
                while (start < end && isSpace(text.charAt(start))) {
                    start++;
                }
                while (end > start && (isSpace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
                    end--;
                }
                if (end > start) {
                    spans.add(new QuoteSpan(i, close, start, end));
                }
                i = close;
            }
        }
        return spans;
    }

    private static boolean opensStraight(String text, int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        return isSpace(before) || "([{:—–-".indexOf(before) >= 0;
    }

    /** Where the quotation opened at {@code open} closes, or -1 if it does not before a blank line or a new one. */
    private static int closing(String text, int open, char closeMark, char openMark) {
        int limit = Math.min(text.length(), open + LONGEST);
        for (int j = open + 1; j < limit; j++) {
            char c = text.charAt(j);
            if (c == '\n' && j + 1 < limit && text.charAt(j + 1) == '\n') {
                return -1;
            }
            if (c == openMark && openMark != '\0') {
                return -1;
            }
            if (c == closeMark && (j + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(j + 1)))) {
                return j;
            }
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
