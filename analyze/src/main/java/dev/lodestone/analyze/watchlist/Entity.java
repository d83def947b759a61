package dev.lodestone.analyze.watchlist;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Something the watch-list follows: a person, organisation, place, mineral, country or topic.
 *
 * <p>Case: an alias with a word of two or more capitals (an acronym such as {@code US}, {@code FWO},
 * {@code U.S.}, {@code REEs}, {@code NdPr}) matches only as written or in full capitals, so "US" never
 * matches "us"; {@code matchCase} applies the same rule to other aliases ("Quad" is not a quad bike). Every
 * other alias ignores case.
 *
 * @param id         stable id used in every record and query ({@code frontier-works-organisation})
 * @param kind       one of {@link #KINDS}; quotes are attributed only to entities of kind {@value #PERSON}
 * @param name       display name
 * @param aliases    every full spelling the press uses, in any script
 * @param shortForms aliases that only refer back, like a bare surname ("Sharif"): one counts only when the
 *                   nearest full name before it in the same text that ends in it was this entity's, so
 *                   "Sharif" after "Nawaz Sharif" is not Shehbaz
 * @param matchCase  aliases that match only as written or in full capitals although they are not acronyms
 * @param excludes   phrases in which an alias is not this entity ("Trump card", "Nawaz Sharif"): a mention of
 *                   this entity inside one of them is dropped
 */
public record Entity(String id, String kind, String name, List<String> aliases, List<String> shortForms,
                     List<String> matchCase, List<String> excludes) {
    public static final String PERSON = "person";
    public static final Set<String> KINDS = Set.of("country", "organisation", PERSON, "place", "mineral", "topic");

    public Entity {
        Objects.requireNonNull(id, "id");
        aliases = copy(aliases);
        shortForms = copy(shortForms);
        matchCase = copy(matchCase);
        excludes = copy(excludes);
    }

    /** An entity with full aliases and excluded phrases only, the common case. */
    public Entity(String id, String kind, String name, List<String> aliases, List<String> excludes) {
        this(id, kind, name, aliases, List.of(), List.of(), excludes);
    }

    public boolean isPerson() {
        return PERSON.equals(kind);
    }

    private static List<String> copy(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
