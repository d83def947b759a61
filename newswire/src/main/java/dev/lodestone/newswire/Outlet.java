package dev.lodestone.newswire;

import java.util.List;
import java.util.Objects;

/**
 * A fictional news outlet of the demo newswire.
 *
 * @param id       the outlet's path segment, e.g. {@code potomac-wire}
 * @param name     the masthead, e.g. "Potomac Wire"
 * @param tagline  the line under the masthead
 * @param feed     the format of its one feed
 * @param template the look of its article pages
 * @param sections the sections of its navigation menu, in menu order
 */
public record Outlet(String id, String name, String tagline, FeedFormat feed, PageTemplate template,
        List<String> sections) {

    public Outlet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(template, "template");
        tagline = tagline == null ? "" : tagline;
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** The path of the outlet's feed, e.g. {@code /potomac-wire/atom.xml}. */
    public String feedPath() {
        return "/" + id + "/" + feed.fileName();
    }

    /** The path of the outlet's home page. */
    public String homePath() {
        return "/" + id + "/";
    }

    /** The path of one of its section pages; sections are menu entries, the demo serves no page for them. */
    String sectionPath(String section) {
        return homePath() + Html.slug(section) + "/";
    }
}
