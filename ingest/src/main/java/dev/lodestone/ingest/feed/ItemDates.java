package dev.lodestone.ingest.feed;

import com.rometools.rome.feed.module.DCModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The date elements of one feed item or entry, taken out of the document before Rome reads it, and the
 * published date chosen from them as Rome and then {@link FeedParser} would have chosen it.
 *
 * <p>Rome parses every item date with a fresh {@code SimpleDateFormat} per mask it tries (see
 * {@link FeedDates}), so its date elements are detached and read here instead. The choice mirrors Rome
 * 2.1.0 per feed type: which elements its parser reads (the first of a name, in the item's own namespace),
 * which its converter prefers (a Dublin Core date, which only RSS 1.0, RSS 2.0 and Atom parse), and then
 * FeedParser's fallback to any date element by local name, however namespaced.
 */
final class ItemDates {
    private static final Set<String> DATE_NAMES = Set.of("pubDate", "date", "published", "updated", "issued",
            "modified", "created");
    /** FeedParser's order of preference among the dates Rome did not turn into the entry's dates. */
    private static final List<String> FALLBACK = List.of("published", "issued", "date", "updated", "modified");
    private static final Namespace DUBLIN_CORE = Namespace.getNamespace(DCModule.URI);
    /** The feed types whose item dates {@link #publishedAt} knows Rome's reading of: all that Rome 2.1.0 reads. */
    private static final Set<String> KNOWN_TYPES = Set.of("rss_0.9", "rss_0.91N", "rss_0.91U", "rss_0.92",
            "rss_0.93", "rss_0.94", "rss_1.0", "rss_2.0", "atom_0.3", "atom_1.0");

    private final Namespace own;
    private final List<Element> dates;

    private ItemDates(Namespace own, List<Element> dates) {
        this.own = own;
        this.dates = dates;
    }

    /** Takes the item's date elements out of it, so that Rome does not read them. */
    static ItemDates detach(Element item) {
        List<Element> dates = new ArrayList<>();
        for (Element child : item.getChildren()) {
            if (DATE_NAMES.contains(child.getName())) {
                dates.add(child);
            }
        }
        dates.forEach(Element::detach);
        return new ItemDates(item.getNamespace(), dates);
    }

    /** Whether {@link #publishedAt} knows how Rome reads the items of a feed of this type. */
    static boolean knowsType(String feedType) {
        return KNOWN_TYPES.contains(feedType);
    }

    /**
     * The published date, else the updated one, else any date element: null when none is readable.
     *
     * @param feedType Rome's name for the feed's format, one that {@link #knowsType} knows
     */
    Instant publishedAt(String feedType) {
        Instant rome = switch (feedType) {
            case "atom_1.0" -> firstReadable(own("published"), dublinCore(), own("updated"));
            case "atom_0.3" -> firstReadable(own("modified"), own("issued"), own("created"), dublinCore());
            case "rss_2.0" -> firstReadable(dublinCore(), own("pubDate"));
            case "rss_1.0" -> firstReadable(dublinCore());
            case "rss_0.91N", "rss_0.91U", "rss_0.92", "rss_0.93", "rss_0.94" -> firstReadable(own("pubDate"));
            case "rss_0.9" -> null;
            default -> throw new IllegalArgumentException("no reading of item dates known for " + feedType);
        };
        return rome != null ? rome : fallback(dates);
    }

    /** FeedParser's last resort: any element with a date's local name, trimmed, whatever its namespace. */
    static Instant fallback(List<Element> elements) {
        for (String name : FALLBACK) {
            for (Element element : elements) {
                if (element.getName().equals(name)) {
                    Instant instant = FeedDates.read(element.getTextTrim());
                    if (instant != null) {
                        return instant;
                    }
                }
            }
        }
        return null;
    }

    /** The first element of the name in the item's namespace: the one Rome's parser reads. */
    private Element own(String name) {
        return first(name, own);
    }

    /** Rome's Dublin Core date is its first {@code dc:date}, even when that one does not parse. */
    private Element dublinCore() {
        return first("date", DUBLIN_CORE);
    }

    private Element first(String name, Namespace namespace) {
        for (Element date : dates) {
            if (date.getName().equals(name) && date.getNamespace().equals(namespace)) {
                return date;
            }
        }
        return null;
    }

    /** Rome reads an element's untrimmed text, and a date it cannot read counts as none. */
    private static Instant firstReadable(Element... elements) {
        for (Element element : elements) {
            Instant instant = element == null ? null : FeedDates.read(element.getText());
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }
}
