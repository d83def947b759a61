package dev.lodestone.ingest.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The headline a reader view shows when a page declares none: its {@code <title>}, cut the way Mozilla
 * Readability cuts it, so that the same page gets the same title in Firefox's reader view and here.
 * A {@code <title>} is usually the headline plus the site's name or section trail after a separator
 * ({@code " | "}, {@code " - "}, {@code " » "}...), or a kicker before a colon; the cut is kept only when
 * it still reads as a headline (more than four words), because short titles are more often a name that
 * contains a separator ("Mozilla - Wikipedia") than a headline with a suffix.
 */
final class Headline {
    private static final Pattern SEPARATOR = Pattern.compile(" [|\\-–—\\\\/>»] ");
    private static final Pattern HIERARCHICAL_SEPARATOR = Pattern.compile(" [\\\\/>»] ");
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}_]+");
    private static final int SHORTEST_TITLE = 15;
    private static final int LONGEST_TITLE = 150;

    private Headline() {}

    /** The headline read from the page's {@code <title>} (or its only {@code <h1>}); empty when it has neither. */
    static String fromTitleElement(Document page) {
        String original = page.title().strip();
        String candidate = original;
        boolean hierarchical = false;
        Matcher separator = SEPARATOR.matcher(original);
        if (separator.find()) {
            hierarchical = HIERARCHICAL_SEPARATOR.matcher(original).find();
            int first = separator.start();
            int firstEnd = separator.end();
            int last = first;
            while (separator.find()) {
                last = separator.start();
            }
            candidate = original.substring(0, last);
            if (words(candidate) < 3) {
                candidate = original.substring(firstEnd);
            }
        } else if (original.contains(": ")) {
            if (!isAHeading(page, original)) {
                candidate = original.substring(original.lastIndexOf(':') + 1);
                if (words(candidate) < 3) {
                    candidate = original.substring(original.indexOf(':') + 1);
                } else if (words(original.substring(0, original.indexOf(':'))) > 5) {
                    candidate = original;
                }
            }
        } else if (original.length() > LONGEST_TITLE || original.length() < SHORTEST_TITLE) {
            List<Element> headings = page.select("h1");
            if (headings.size() == 1) {
                candidate = headings.get(0).text();
            }
        }
        candidate = candidate.strip().replaceAll("\\s{2,}", " ");
        int candidateWords = words(candidate);
        boolean droppedOneCrumb = hierarchical
                && candidateWords == words(SEPARATOR.matcher(original).replaceAll(" ")) - 1;
        return candidateWords <= 4 && !droppedOneCrumb && !original.isEmpty() ? original : candidate;
    }

    /**
     * How much of {@code text}'s wording {@code candidate} covers, from 0 to 1: which of two declared
     * titles (JSON-LD {@code name} and {@code headline}) is the page's own and which is the site's name.
     */
    static double similarity(String candidate, String text) {
        Set<String> candidateWords = new HashSet<>(tokens(candidate));
        List<String> textWords = tokens(text);
        if (candidateWords.isEmpty() || textWords.isEmpty()) {
            return 0;
        }
        String uncovered = String.join(" ", textWords.stream().filter(word -> !candidateWords.contains(word)).toList());
        return 1 - (double) uncovered.length() / String.join(" ", textWords).length();
    }

    private static List<String> tokens(String text) {
        return WORD_BREAK.splitAsStream(text.toLowerCase(Locale.ROOT)).filter(word -> !word.isEmpty()).toList();
    }

    private static boolean isAHeading(Document page, String title) {
        for (Element heading : page.select("h1, h2")) {
            if (heading.text().strip().equals(title)) {
                return true;
            }
        }
        return false;
    }

    private static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
