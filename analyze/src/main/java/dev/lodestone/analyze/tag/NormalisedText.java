package dev.lodestone.analyze.tag;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text as the tagger compares it, with the way back to the original: each normalised char knows the range of
 * original chars it came from, so a mention found here is reported where it stands in the article.
 *
 * <p>Normalising is Unicode NFKC, plus what NFKC leaves alone but the press varies: curly quotes become straight,
 * every run of white space, hyphens and dashes becomes one space (so "rare-earth" reads "rare earth"), a word
 * hyphenated across a line break becomes a {@link #JOIN} that the tagger reads both as one word and as two,
 * invisible chars (soft hyphens, zero-width joiners, bidi marks, Arabic vowel marks and tatweel) disappear, and an
 * unpaired surrogate becomes U+FFFD. {@link #folded} is additionally case-folded, with the Arabic forms of yeh,
 * kaf and heh read as their Urdu forms; {@link #exact} keeps the case for acronyms.
 *
 * <p>Per-char decisions come from tables built once for the whole Basic Multilingual Plane, so ASCII and most
 * other text never calls {@link Normalizer}; only combining sequences and chars that NFKC expands do.
 */
final class NormalisedText {
    /** Char classes of normalised chars. */
    static final byte OTHER = 0;
    static final byte WORD = 1;
    /** A char of a script written without spaces (Han, kana): each one may start or end a word. */
    static final byte STANDALONE = 2;
    static final byte SPACE = 3;
    /** A hyphen at a line break between two letters: "Paki-\nstan". Folded as a space. */
    static final byte JOIN = 4;

    private static final char NO_SINGLE = '\uFFFF';
    private static final byte KEEP = 0;
    private static final byte DROP = 1;
    private static final byte SEPARATE = 2;

    private static final char[] NFKC = new char[0x10000];
    private static final char[] FOLD = new char[0x10000];
    private static final byte[] CLASS = new byte[0x10000];
    private static final byte[] ACTION = new byte[0x10000];
    private static final boolean[] MARK = new boolean[0x10000];

    static {
        for (int c = 0; c < 0x10000; c++) {
            char ch = (char) c;
            int type = Character.getType(ch);
            MARK[c] = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            CLASS[c] = classOf(c);
            FOLD[c] = Character.toLowerCase(Character.toUpperCase(ch));
            if (Character.isSurrogate(ch)) {
                NFKC[c] = NO_SINGLE;
            } else if (c < 0x80) {
                NFKC[c] = ch;
            } else {
                String n = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFKC);
                NFKC[c] = n.length() == 1 ? n.charAt(0) : NO_SINGLE;
            }
            if (Character.isWhitespace(ch) || Character.isSpaceChar(ch)
                    || (type == Character.CONTROL) || type == Character.DASH_PUNCTUATION || c == 0x2212) {
                ACTION[c] = SEPARATE;
            }
        }
        for (char c : "\u00AD\u200C\u200D\u200E\u200F\u2060\uFEFF\u061C\u0640\u0670".toCharArray()) {
            ACTION[c] = DROP;
        }
        for (int c = 0x202A; c <= 0x202E; c++) {
            ACTION[c] = DROP;
        }
        for (int c = 0x2066; c <= 0x2069; c++) {
            ACTION[c] = DROP;
        }
        for (int c = 0x064B; c <= 0x065F; c++) {
            ACTION[c] = DROP;
        }
        ACTION['\u200B'] = SEPARATE;
        for (char c : "\u2018\u2019\u201A\u201B\u2032\uFF07".toCharArray()) {
            NFKC[c] = '\'';
        }
        for (char c : "\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02".toCharArray()) {
            NFKC[c] = '"';
        }
        FOLD['\u064A'] = '\u06CC';
        FOLD['\u0649'] = '\u06CC';
        FOLD['\u0643'] = '\u06A9';
        FOLD['\u0647'] = '\u06C1';
    }

    private static byte classOf(int codePoint) {
        if (Character.isIdeographic(codePoint)
                || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.KATAKANA) {
            return STANDALONE;
        }
        int type = Character.getType(codePoint);
        if (Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return WORD;
        }
        return codePoint == ' ' ? SPACE : OTHER;
    }

    /** Normalised chars, case kept. */
    char[] exact;
    /** Normalised chars, case folded: what aliases are matched against. */
    char[] folded;
    /** The class of each normalised char. */
    byte[] classes;
    /** The original range {@code [originStart, originEnd)} each normalised char came from. */
    int[] originStart;
    int[] originEnd;
    int length;

    private NormalisedText(int capacity) {
        exact = new char[capacity];
        folded = new char[capacity];
        classes = new byte[capacity];
        originStart = new int[capacity];
        originEnd = new int[capacity];
    }

    static NormalisedText of(String text) {
        return new NormalisedText(text.length() + 16).fill(text);
    }

    /**
     * {@code text} normalised into {@code scratch} when it is large enough, else into new arrays: tagging allocates
     * thirteen bytes per char otherwise, and clearing that memory costs more than the normalising.
     */
    static NormalisedText reusing(NormalisedText scratch, String text) {
        if (scratch == null || scratch.exact.length < text.length() + 16) {
            return of(text);
        }
        scratch.length = 0;
        return scratch.fill(text);
    }

    private NormalisedText fill(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            byte action = ACTION[c];
            if (action == SEPARATE) {
                i = separator(text, i);
            } else if (action == DROP) {
                i++;
            } else if (MARK[c] && length > 0 && originStart[length - 1] == i - 1 && originEnd[length - 1] == i
                    && classes[length - 1] != SPACE) {
                length--;
                i = sequence(text, i - 1);
            } else if (NFKC[c] == NO_SINGLE) {
                i = sequence(text, i);
            } else {
                char m = NFKC[c];
                add(m, FOLD[m], CLASS[m], i, i + 1);
                i++;
            }
        }
        return this;
    }

    /** A run of white space, hyphens and dashes from {@code i}: one space, or a JOIN. Returns where it ends. */
    private int separator(String text, int i) {
        int n = text.length();
        int j = i;
        boolean hyphen = false;
        boolean breakAfterHyphen = false;
        while (j < n && ACTION[text.charAt(j)] != KEEP) {
            char c = text.charAt(j);
            if (c == '-' || c == '\u2010' || c == '\u2011') {
                hyphen = true;
            } else if (hyphen && (c == '\n' || c == '\r' || c == '\u2028' || c == '\u0085')) {
                breakAfterHyphen = true;
            }
            j++;
        }
        boolean join = breakAfterHyphen && length > 0 && classes[length - 1] == WORD
                && j < n && Character.isLetter(text.codePointAt(j));
        add(' ', ' ', join ? JOIN : SPACE, i, j);
        return j;
    }

    /**
     * A char NFKC may change together with what follows: a surrogate pair, an expanding char, or a base char
     * with its combining marks. Every char of its normalised form maps to the whole original sequence.
     */
    private int sequence(String text, int i) {
        int n = text.length();
        char c = text.charAt(i);
        if (Character.isLowSurrogate(c) || (Character.isHighSurrogate(c) && (i + 1 == n || !Character.isLowSurrogate(text.charAt(i + 1))))) {
            add('\uFFFD', '\uFFFD', OTHER, i, i + 1);
            return i + 1;
        }
        int j = i + Character.charCount(text.codePointAt(i));
        while (j < n && MARK[text.charAt(j)]) {
            j++;
        }
        String normal = Normalizer.normalize(text.substring(i, j), Normalizer.Form.NFKC);
        for (int k = 0; k < normal.length(); ) {
            int cp = normal.codePointAt(k);
            if (Character.isBmpCodePoint(cp)) {
                char m = NFKC[cp] == NO_SINGLE ? (char) cp : NFKC[cp];
                if (ACTION[cp] == KEEP) {
                    add(m, FOLD[m], CLASS[m], i, j);
                }
            } else {
                byte cls = classOf(cp);
                add(Character.highSurrogate(cp), Character.highSurrogate(cp), cls, i, j);
                add(Character.lowSurrogate(cp), Character.lowSurrogate(cp), cls, i, j);
            }
            k += Character.charCount(cp);
        }
        return j;
    }

    private void add(char exactChar, char foldedChar, byte cls, int start, int end) {
        if (length == exact.length) {
            int capacity = length * 2;
            exact = Arrays.copyOf(exact, capacity);
            folded = Arrays.copyOf(folded, capacity);
            classes = Arrays.copyOf(classes, capacity);
            originStart = Arrays.copyOf(originStart, capacity);
            originEnd = Arrays.copyOf(originEnd, capacity);
        }
        exact[length] = exactChar;
        folded[length] = foldedChar;
        classes[length] = cls;
        originStart[length] = start;
        originEnd[length] = end;
        length++;
    }

    /** Whether position {@code i} may begin a match: the first char of a word, or any char of a spaceless script. */
    boolean startsWord(int i) {
        byte cls = classes[i];
        return cls == STANDALONE || (cls == WORD && (i == 0 || classes[i - 1] != WORD));
    }

    /** Whether a match ending before {@code i} ends a word there. */
    boolean endsWord(int i) {
        return i == length || classes[i] != WORD;
    }

    /** Whether the folded chars from {@code from} spell {@code folded}. */
    boolean foldedRegionEquals(int from, String folded) {
        if (from < 0 || from + folded.length() > length) {
            return false;
        }
        for (int i = 0; i < folded.length(); i++) {
            if (this.folded[from + i] != folded.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The folded form, for aliases, which have no line breaks. */
    String foldedString() {
        return new String(folded, 0, length);
    }
}
