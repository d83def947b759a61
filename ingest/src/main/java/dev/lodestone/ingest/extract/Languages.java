package dev.lodestone.ingest.extract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language of an undeclared page from its commonest words: cheap, and right on any
 * paragraph of running text in the languages the project's sources write in. Scripts with their own
 * letters (Urdu's Arabic script, Hindi's Devanagari, Chinese ideographs) are told by their letters.
 */
final class Languages {
    private static final List<Map.Entry<String, Set<String>>> STOPWORDS = List.of(
            Map.entry("en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "on", "said", "it", "he", "are")),
            Map.entry("fr", Set.of("le", "la", "les", "et", "des", "est", "une", "dans", "du", "que", "pour", "qui", "pas", "sur", "au")),
            Map.entry("de", Set.of("der", "die", "und", "das", "ist", "nicht", "den", "mit", "sich", "des", "auf", "ein", "eine", "dem", "von")),
            Map.entry("es", Set.of("el", "los", "las", "del", "por", "una", "con", "para", "que", "se", "es", "como", "pero", "sus", "y")),
            Map.entry("it", Set.of("il", "della", "che", "di", "per", "una", "sono", "con", "non", "gli", "nel", "alla", "anche", "è", "del")),
            Map.entry("pt", Set.of("o", "os", "da", "do", "das", "dos", "não", "uma", "com", "para", "que", "em", "é", "ao", "mais")));
    private static final int SAMPLE_CHARS = 3000;

    private Languages() {}

    /** The primary subtag of the text's language, or null when the text is too short or unclear to tell. */
    static String guess(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        int arabic = 0;
        int devanagari = 0;
        int han = 0;
        int letters = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                arabic += script == Character.UnicodeScript.ARABIC ? 1 : 0;
                devanagari += script == Character.UnicodeScript.DEVANAGARI ? 1 : 0;
                han += script == Character.UnicodeScript.HAN ? 1 : 0;
            }
        }
        if (letters < 20) {
            return null;
        }
        for (var script : List.of(Map.entry("ur", arabic), Map.entry("hi", devanagari), Map.entry("zh", han))) {
            if (script.getValue() * 2 > letters) {
                return script.getKey();
            }
        }
        String best = null;
        int bestHits = 2;
        String[] words = sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        for (var language : STOPWORDS) {
            int hits = 0;
            for (String word : words) {
                hits += language.getValue().contains(word) ? 1 : 0;
            }
            if (hits > bestHits) {
                best = language.getKey();
                bestHits = hits;
            }
        }
        return best;
    }
}
