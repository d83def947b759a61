package dev.lodestone.analyze.tag;

import dev.lodestone.analyze.watchlist.Entity;
import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.core.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every mention of the watch-list's entities in a text, with offsets into the original text so a page can
 * highlight exactly what matched: {@code text.substring(start, end)} is always the mention's surface.
 *
 * <p>The text is normalised once ({@link NormalisedText}: NFKC, case folding, quotes, dashes, spaces, soft and
 * line-break hyphens) and walked once, from each word start, through a trie of every alias ({@link AliasTrie}).
 * The rules a careful reader applies:
 * <ul>
 *   <li>Aliases match whole words ("US" is not in "USB"); in Chinese, which has no spaces, anywhere.</li>
 *   <li>Acronyms and {@link Entity#matchCase()} aliases match only as written or in full capitals: "US" is
 *       never "us". Other aliases ignore case.</li>
 *   <li>The longest match wins ("US Strategic Metals" is the company, not also the country); one alias may name
 *       two entities ("NdPr"), reported on the same span.</li>
 *   <li>A mention inside one of its entity's excluded phrases ("Trump card") is dropped.</li>
 *   <li>A short form ("Sharif") counts only when the nearest full name before it that ends in it was its
 *       entity's: after "Nawaz Sharif", an excluded phrase, "Sharif" is nobody we watch.</li>
 *   <li>A title before a person's name ("Prime Minister", "Field Marshal", "USSM CEO" minus the company) is part
 *       of that person's mention, not something else.</li>
 * </ul>
 *
 * <p>Instances are immutable and safe to share between threads; build a new one when the watch-list changes.
 */
public final class MentionTagger {
    private record Candidate(Alias alias, int start, int end) {}

    private record Title(String folded, char[] letters, char[] capitals, boolean startsInWord, boolean standalone) {}

    /** A mention being decided on, in normalised positions. */
    private static final class Chosen {
        final Entity entity;
        int start;
        int end;

        Chosen(Entity entity, int start, int end) {
            this.entity = entity;
            this.start = start;
            this.end = end;
        }
    }

    private static final Comparator<Candidate> LEFTMOST_LONGEST =
            Comparator.comparingInt(Candidate::start).thenComparing(Comparator.comparingInt(Candidate::end).reversed());

    /** Texts up to this many chars are normalised into a per-thread buffer; longer ones get their own. */
    private static final int MAX_SCRATCH = 1 << 20;

    private final AliasTrie trie = new AliasTrie();
    private final ThreadLocal<NormalisedText> scratch = new ThreadLocal<>();
    private final List<Title> titles = new ArrayList<>();

    public MentionTagger(Watchlist watchlist) {
        Set<String> shortForms = new LinkedHashSet<>();
        for (Entity entity : watchlist.entities()) {
            entity.shortForms().forEach(s -> shortForms.add(NormalisedText.of(s.strip()).foldedString()));
        }
        for (Entity entity : watchlist.entities()) {
            entity.aliases().forEach(a -> add(entity, a, Alias.Role.FULL, shortForms));
            entity.shortForms().forEach(a -> add(entity, a, Alias.Role.SHORT_FORM, shortForms));
            entity.excludes().forEach(a -> add(entity, a, Alias.Role.EXCLUDED, shortForms));
        }
        for (String title : watchlist.titles()) {
            NormalisedText t = NormalisedText.of(title.strip());
            if (t.length > 0) {
                char[] letters = isAcronym(title) ? letters(t) : null;
                titles.add(new Title(t.foldedString(), letters, letters == null ? null : capitals(letters),
                        t.classes[0] == NormalisedText.WORD, t.classes[t.length - 1] == NormalisedText.STANDALONE));
            }
        }
        titles.sort(Comparator.comparingInt((Title t) -> t.folded().length()).reversed());
    }

    private void add(Entity entity, String spelling, Alias.Role role, Set<String> shortForms) {
        NormalisedText t = NormalisedText.of(spelling.strip());
        if (t.length == 0 || !t.startsWord(0)) {
            return;
        }
        String folded = t.foldedString();
        boolean matchCase = isAcronym(spelling) || (role != Alias.Role.EXCLUDED && entity.matchCase().contains(spelling));
        char[] letters = matchCase ? letters(t) : null;
        List<String> referentKeys = new ArrayList<>();
        if (role != Alias.Role.SHORT_FORM) {
            for (String key : shortForms) {
                int before = folded.length() - key.length() - 1;
                if (folded.endsWith(key) && before >= 0 && t.classes[before] != NormalisedText.WORD) {
                    referentKeys.add(key);
                }
            }
        }
        trie.add(folded, new Alias(entity, folded, role, letters, letters == null ? null : capitals(letters),
                t.classes[t.length - 1] == NormalisedText.WORD, List.copyOf(referentKeys)));
    }

    /** An alias with a word of two or more capitals: US, U.S., FWO, REEs, NdPr, "PM Sharif". */
    private static boolean isAcronym(String alias) {
        for (String word : alias.split("[\\s\\-]+")) {
            if (word.chars().filter(Character::isUpperCase).count() >= 2) {
                return true;
            }
        }
        return false;
    }

    private static char[] letters(NormalisedText t) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < t.length; i++) {
            if (t.classes[i] == NormalisedText.WORD || t.classes[i] == NormalisedText.STANDALONE) {
                letters.append(t.exact[i]);
            }
        }
        return letters.toString().toCharArray();
    }

    private static char[] capitals(char[] letters) {
        char[] capitals = new char[letters.length];
        for (int i = 0; i < letters.length; i++) {
            capitals[i] = Character.toUpperCase(letters[i]);
        }
        return capitals;
    }

    /** The mentions in {@code text}, in order of position; {@code field} is recorded on each. */
    public List<Mention> tag(String text, String field) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        NormalisedText t = NormalisedText.reusing(scratch.get(), text);
        if (t.exact.length <= MAX_SCRATCH) {
            scratch.set(t);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (t.startsWord(i) && trie.child(0, t.folded[i]) != AliasTrie.NONE) {
                walk(t, i, 0, i, candidates);
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Mention> mentions = new ArrayList<>();
        for (Chosen c : withTitles(t, choose(candidates))) {
            int start = t.originStart[c.start];
            int end = t.originEnd[c.end - 1];
            mentions.add(new Mention(c.entity.id(), text.substring(start, end), field, start, end));
        }
        return mentions;
    }

    /** Follows the trie from {@code node} at {@code pos}, collecting every alias that ends on a word boundary. */
    private void walk(NormalisedText t, int start, int node, int pos, List<Candidate> out) {
        while (pos < t.length) {
            if (t.classes[pos] == NormalisedText.JOIN) {
                walk(t, start, node, pos + 1, out);
            }
            node = trie.child(node, t.folded[pos]);
            if (node == AliasTrie.NONE) {
                return;
            }
            pos++;
            Alias[] outputs = trie.outputs(node);
            if (outputs == null) {
                continue;
            }
            for (Alias alias : outputs) {
                if ((!alias.endsInWord() || t.endsWord(pos))
                        && (!alias.matchesCase() || caseMatches(t, start, pos, alias.letters(), alias.capitals()))) {
                    out.add(new Candidate(alias, start, pos));
                }
            }
        }
    }

    /** Whether the letters of {@code [start, end)} are {@code letters} as written, or all in capitals. */
    private static boolean caseMatches(NormalisedText t, int start, int end, char[] letters, char[] capitals) {
        boolean asWritten = true;
        boolean inCapitals = true;
        int k = 0;
        for (int i = start; i < end && (asWritten || inCapitals); i++) {
            byte cls = t.classes[i];
            if (cls == NormalisedText.WORD || cls == NormalisedText.STANDALONE) {
                if (k == letters.length) {
                    return false;
                }
                asWritten &= t.exact[i] == letters[k];
                inCapitals &= t.exact[i] == capitals[k];
                k++;
            }
        }
        return (asWritten || inCapitals) && k == letters.length;
    }

    /** Leftmost-longest selection of candidates, minus excluded ones and short forms that refer to someone else. */
    private static List<Chosen> choose(List<Candidate> candidates) {
        candidates.sort(LEFTMOST_LONGEST);
        List<Candidate> exclusions = candidates.stream().filter(c -> c.alias().role() == Alias.Role.EXCLUDED).toList();
        Map<String, Entity> referents = new HashMap<>();
        List<Chosen> chosen = new ArrayList<>();
        int taken = 0;
        for (int i = 0, j; i < candidates.size(); i = j) {
            int start = candidates.get(i).start();
            for (j = i; j < candidates.size() && candidates.get(j).start() == start; j++) {
                Alias alias = candidates.get(j).alias();
                if (alias.role() == Alias.Role.EXCLUDED) {
                    alias.referentKeys().forEach(key -> referents.put(key, null));
                }
            }
            if (start < taken) {
                continue;
            }
            int spanEnd = -1;
            int firstOfSpan = chosen.size();
            for (Candidate c : candidates.subList(i, j)) {
                Alias alias = c.alias();
                if (alias.role() == Alias.Role.EXCLUDED || (spanEnd != -1 && c.end() != spanEnd)
                        || excluded(c, exclusions)
                        || (alias.role() == Alias.Role.SHORT_FORM && referents.get(alias.folded()) != alias.entity())
                        || chosen.subList(firstOfSpan, chosen.size()).stream().anyMatch(m -> m.entity == alias.entity())) {
                    continue;
                }
                spanEnd = c.end();
                chosen.add(new Chosen(alias.entity(), start, c.end()));
                alias.referentKeys().forEach(key -> referents.put(key, alias.entity()));
            }
            if (spanEnd != -1) {
                taken = spanEnd;
            }
        }
        return chosen;
    }

    private static boolean excluded(Candidate c, List<Candidate> exclusions) {
        for (Candidate e : exclusions) {
            if (e.alias().entity() == c.alias().entity() && e.start() <= c.start() && c.end() <= e.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Extends each person's mention over the titles before it, and joins it with a mention of the same person
     * that the titles reach ("COAS Field Marshal Asim Munir" is one mention). A title never swallows another
     * entity's mention: in "US President Trump" the US stays the country.
     */
    private List<Chosen> withTitles(NormalisedText t, List<Chosen> chosen) {
        List<Chosen> result = new ArrayList<>(chosen.size());
        for (Chosen c : chosen) {
            Chosen previous = result.isEmpty() ? null : result.get(result.size() - 1);
            if (c.entity.isPerson()) {
                int floor = previous == null ? 0 : previous.entity == c.entity ? previous.start : previous.end;
                c.start = afterTitles(t, c.start, floor);
                if (previous != null && previous.entity == c.entity && c.start < previous.end) {
                    previous.end = c.end;
                    continue;
                }
            }
            result.add(c);
        }
        return result;
    }

    private int afterTitles(NormalisedText t, int start, int floor) {
        boolean extended = true;
        while (extended) {
            extended = false;
            for (Title title : titles) {
                int end = start;
                if (end > 0 && (t.classes[end - 1] == NormalisedText.SPACE || t.classes[end - 1] == NormalisedText.JOIN)) {
                    end--;
                } else if (!title.standalone() && t.classes[start] != NormalisedText.STANDALONE) {
                    continue;
                }
                int from = end - title.folded().length();
                if (from >= floor && t.foldedRegionEquals(from, title.folded())
                        && (!title.startsInWord() || from == 0 || t.classes[from - 1] != NormalisedText.WORD)
                        && (title.letters() == null || caseMatches(t, from, end, title.letters(), title.capitals()))) {
                    start = from;
                    extended = true;
                    break;
                }
            }
        }
        return start;
    }
}
