package dev.lodestone.newswire;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Text helpers for the generated HTML. */
final class Html {
    private static final Map<String, String> SLUGS = new ConcurrentHashMap<>();

    private Html() {}

    /** Escapes text for use in element content and in double- or single-quoted attribute values. */
    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * "Business & Economy" becomes "business-economy". Remembered: pages slug the same few section and menu
     * names hundreds of times each, and the newswire's own cost must not weigh on a benchmark it serves.
     */
    static String slug(String text) {
        return SLUGS.computeIfAbsent(text, Html::slugOf);
    }

    private static String slugOf(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** A text cut at a word boundary to at most {@code maxLength} characters, for meta descriptions. */
    static String abbreviate(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxLength - 1);
        return text.substring(0, cut > 0 ? cut : maxLength - 1) + "…";
    }
}
