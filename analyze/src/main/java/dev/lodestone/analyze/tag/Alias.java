package dev.lodestone.analyze.tag;

import dev.lodestone.analyze.watchlist.Entity;
import java.util.List;

/**
 * One spelling the trie can find, and what finding it means.
 *
 * @param entity        whose spelling it is
 * @param folded        its normalised, case-folded form: the path in the trie, and for a short form the key it
 *                      looks its referent up by
 * @param role          a full alias, a short form that refers back, or a phrase that excludes the entity
 * @param letters       the word chars as written, for aliases that match case; {@code null} when case is ignored
 * @param capitals      the same in full capitals, as headlines write them
 * @param endsInWord    whether the alias ends in a word char, so the text must not go on with one
 * @param referentKeys  the short forms (of any entity) this alias ends in: finding it makes its entity (or, for an
 *                      excluded phrase, nobody) the one those short forms refer back to
 */
record Alias(Entity entity, String folded, Role role, char[] letters, char[] capitals, boolean endsInWord, List<String> referentKeys) {
    enum Role { FULL, SHORT_FORM, EXCLUDED }

    boolean matchesCase() {
        return letters != null;
    }
}
