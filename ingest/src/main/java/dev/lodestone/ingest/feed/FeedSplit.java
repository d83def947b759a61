package dev.lodestone.ingest.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An XML feed cut into its items' own text and the text around them, so that {@link IncrementalFeedParser}
 * can hand the XML parser only the items it has not read before, inside the same surroundings.
 *
 * <p>The items are the elements {@link FeedParser} reads as items: {@code item} or {@code entry} children of
 * the root (Atom, RSS 1.0) or of a {@code channel} child of the root (RSS 0.9x and 2.0), whatever their
 * namespace prefix. Finding them takes a scan for tags that skips comments, CDATA sections, processing
 * instructions and quoted attribute values, not a parse. The scan gives up, and the feed is read whole, on
 * anything it was not written for: a document that does not start with {@code <rss}, {@code <feed} or
 * {@code <rdf:RDF} (after an XML declaration, comments and white space), a DOCTYPE, text or elements between
 * items, or tags that do not balance.
 *
 * @param head  the text before the first item
 * @param items each item's text, from its start tag to its end tag, in document order
 * @param tail  the text after the last item
 */
record FeedSplit(String head, List<String> items, String tail) {
    /**
     * A feed-level date, which changes with every item a feed gains without changing how any item reads: left
     * out of {@link #surroundings()}, or every new item would make every old one be read again.
     */
    private static final Pattern FEED_DATE = Pattern.compile(
            "<((?:[\\w.-]+:)?(?:lastBuildDate|pubDate|updated|modified|date))(\\s[^<>]*)?>[^<]*</\\1\\s*>");
    private static final List<String> ROOTS = List.of("rss", "feed", "RDF");

    FeedSplit {
        items = List.copyOf(items);
    }

    /** The feed split, or empty when its shape is not one this scan was written for. */
    static Optional<FeedSplit> of(String text) {
        Scan scan = new Scan(text);
        return scan.run() ? Optional.of(new FeedSplit(text.substring(0, scan.headEnd), scan.items,
                text.substring(scan.itemsEnd))) : Optional.empty();
    }

    /** The feed with only {@code someItems} between its head and tail. */
    String withItems(List<String> someItems) {
        StringBuilder text = new StringBuilder(head.length() + tail.length() + someItems.size() * 1024);
        text.append(head);
        someItems.forEach(item -> text.append(item).append('\n'));
        return text.append(tail).toString();
    }

    /**
     * Everything around the items that bears on how they read (namespaces, base links, the feed's format),
     * with the feed's own dates blanked: two splits with equal surroundings read equal item texts alike.
     */
    String surroundings() {
        return FEED_DATE.matcher(head).replaceAll("<$1$2></$1>") + "\u0000" + FEED_DATE.matcher(tail).replaceAll("<$1$2></$1>");
    }

    /** One left-to-right pass over the tags, keeping the element path only as deep as items can be. */
    private static final class Scan {
        private final String text;
        private final List<String> items = new ArrayList<>();
        private final String[] path = new String[2];
        private int depth;
        private int headEnd = -1;
        private int itemsEnd = -1;
        private int itemStart = -1;
        private int itemDepth = -1;
        private String itemName;

        Scan(String text) {
            this.text = text;
        }

        boolean run() {
            int at = 0;
            boolean rootSeen = false;
            while (true) {
                int open = text.indexOf('<', at);
                if (open < 0 || open + 1 >= text.length()) {
                    return open < 0 && depth == 0 && rootSeen && itemStart < 0 && !items.isEmpty();
                }
                if (!rootSeen && !text.substring(at, open).isBlank()) {
                    return false;
                }
                if (text.startsWith("<!--", open)) {
                    at = after(open + 4, "-->");
                } else if (text.startsWith("<![CDATA[", open)) {
                    at = after(open + 9, "]]>");
                } else if (text.startsWith("<?", open)) {
                    at = after(open + 2, "?>");
                } else if (text.charAt(open + 1) == '!') {
                    return false;
                } else {
                    int close = tagEnd(open);
                    if (close < 0) {
                        return false;
                    }
                    boolean ending = text.charAt(open + 1) == '/';
                    boolean empty = !ending && text.charAt(close - 1) == '/';
                    String name = localName(open + (ending ? 2 : 1), close);
                    if (!rootSeen && (depth != 0 || ending || !ROOTS.contains(name))) {
                        return false;
                    }
                    rootSeen = true;
                    if (!(ending ? endTag(name, close) : startTag(name, open, close, empty))) {
                        return false;
                    }
                    at = close + 1;
                }
                if (at < 0) {
                    return false;
                }
            }
        }

        private boolean startTag(String name, int open, int close, boolean empty) {
            if (itemStart < 0 && isItem(name)) {
                if (itemsEnd >= 0 && !text.substring(itemsEnd, open).isBlank()) {
                    return false;
                }
                if (headEnd < 0) {
                    headEnd = open;
                }
                if (empty) {
                    items.add(text.substring(open, close + 1));
                    itemsEnd = close + 1;
                    return true;
                }
                itemStart = open;
                itemDepth = depth;
                itemName = name;
            }
            if (!empty) {
                if (depth < path.length) {
                    path[depth] = name;
                }
                depth++;
            }
            return true;
        }

        private boolean endTag(String name, int close) {
            depth--;
            if (depth < 0) {
                return false;
            }
            if (itemStart >= 0 && depth == itemDepth) {
                if (!name.equals(itemName)) {
                    return false;
                }
                items.add(text.substring(itemStart, close + 1));
                itemsEnd = close + 1;
                itemStart = -1;
            }
            return true;
        }

        /** Whether an element of this name, opening here, is one of the feed's items. */
        private boolean isItem(String name) {
            if (!name.equals("item") && !name.equals("entry")) {
                return false;
            }
            return depth == 1 || depth == 2 && "channel".equals(path[1]);
        }

        private int after(int from, String end) {
            int found = text.indexOf(end, from);
            return found < 0 ? -1 : found + end.length();
        }

        /** The index of the {@code >} closing the tag opened at {@code open}, past quoted attribute values. */
        private int tagEnd(int open) {
            char quote = 0;
            for (int i = open + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    return i;
                } else if (c == '<') {
                    return -1;
                }
            }
            return -1;
        }

        private String localName(int from, int close) {
            int end = from;
            while (end < close && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '/') {
                end++;
            }
            String name = text.substring(from, end);
            return name.substring(name.indexOf(':') + 1);
        }
    }
}
