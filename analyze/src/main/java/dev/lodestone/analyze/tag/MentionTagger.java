package dev.lodestone.analyze.tag;

import dev.lodestone.analyze.watchlist.Entity;
import dev.lodestone.analyze.watchlist.Watchlist;
import dev.lodestone.core.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every mention of the watch-list's entities in a text, with offsets into the original text so a
 * page can highlight exactly what matched.
 *
 * <p>An alias matches only as whole words: "US" is not found in "USB" and "copper" not in "coppersmith".
 * Acronyms (aliases written entirely in capitals) match only in capitals, so "US" never matches "us". Where
 * two aliases overlap, the longer wins: "US Strategic Metals" is one mention of the company, not also one
 * of the country. One alias may name two entities ("NdPr" is neodymium and praseodymium): both are
 * reported on the same span. A mention inside one of its entity's excluded phrases ("Trump card") is dropped.
 */
public final class MentionTagger {
    private record Alias(Entity entity, Pattern pattern) {}

    private record Candidate(Entity entity, int start, int end) {}

    private static final String NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

    private final List<Alias> aliases = new ArrayList<>();
    private final List<Alias> excludes = new ArrayList<>();

    public MentionTagger(Watchlist watchlist) {
        for (Entity entity : watchlist.entities()) {
            for (String alias : entity.aliases()) {
                aliases.add(new Alias(entity, compile(alias)));
            }
            for (String exclude : entity.excludes()) {
                excludes.add(new Alias(entity, compile(exclude)));
            }
        }
    }

    /** The mentions in {@code text}, in order of position; {@code field} is recorded on each. */
    public List<Mention> tag(String text, String field) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Alias alias : aliases) {
            Matcher m = alias.pattern().matcher(text);
            while (m.find()) {
                candidates.add(new Candidate(alias.entity(), m.start(), m.end()));
            }
        }
        candidates.removeIf(c -> insideExclusion(c, text));
        candidates.sort(Comparator.comparingInt(Candidate::start)
                .thenComparing(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed()));
        List<Mention> mentions = new ArrayList<>();
        Candidate last = null;
        for (Candidate c : candidates) {
            boolean free = last == null || c.start() >= last.end();
            boolean sameSpanOtherEntity = last != null && c.start() == last.start() && c.end() == last.end()
                    && c.entity() != last.entity();
            if (free || sameSpanOtherEntity) {
                mentions.add(new Mention(c.entity().id(), text.substring(c.start(), c.end()), field, c.start(), c.end()));
                last = c;
            }
        }
        return mentions;
    }

    private boolean insideExclusion(Candidate candidate, String text) {
        for (Alias exclude : excludes) {
            if (exclude.entity() != candidate.entity()) {
                continue;
            }
            Matcher m = exclude.pattern().matcher(text);
            while (m.find()) {
                if (m.start() <= candidate.start() && candidate.end() <= m.end()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whole-word pattern for an alias: its spaces and hyphens match any run of white space or hyphens, since
     * papers write "rare-earth" and "rare earth", and line breaks fall anywhere.
     */
    private static Pattern compile(String alias) {
        String[] words = alias.trim().split("[\\s\\-\u2010-\u2015]+");
        StringBuilder regex = new StringBuilder(NOT_WORD_BEFORE);
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("[\\s\\-\u2010-\u2015]+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        regex.append(NOT_WORD_AFTER);
        boolean acronym = alias.chars().noneMatch(Character::isLowerCase) && alias.chars().anyMatch(Character::isUpperCase);
        int flags = acronym ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        return Pattern.compile(regex.toString(), flags);
    }
}
