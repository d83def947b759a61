package dev.lodestone.core;

/**
 * Whether one part of a running service can do its work, for readiness checks: a process is ready when
 * every part it runs is up.
 *
 * @param component what was checked ({@code kafka}, {@code analyze}, {@code index}...)
 * @param detail    one line a person can act on ("lag 1,204 records", "index open, 53,112 articles")
 */
public record Health(String component, boolean up, String detail) {
    public static Health up(String component, String detail) {
        return new Health(component, true, detail);
    }

    public static Health down(String component, String detail) {
        return new Health(component, false, detail);
    }
}
