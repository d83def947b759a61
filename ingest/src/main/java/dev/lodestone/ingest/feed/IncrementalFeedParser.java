package dev.lodestone.ingest.feed;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one feed poll after poll, parsing only the items whose text it has not read before. A feed that
 * changed since the last poll has usually gained one item and kept the other forty-nine, yet a full read
 * parses all fifty again: for a busy feed that cost as much CPU as extracting the new article's page.
 *
 * <p>The feed is {@link FeedSplit split} into its items' texts and their surroundings. An item whose text
 * is the same as at the last read, in the same surroundings (the feed's own dates aside), reads the same,
 * so the item read then is reused; the others are parsed by {@link FeedParser} inside the feed's own head
 * and tail, so namespaces, base links and format are what they are in the whole feed. Whatever the split
 * cannot vouch for, or whatever goes wrong, is read whole by {@link FeedParser}, which also gives the error
 * of a feed that does not parse, so messages point into the document as served.
 *
 * <p>Holds the last read's items, some tens of kilobytes for a fifty-item feed, and none of a feed longer than
 * {@value #MAX_REMEMBERED_ITEMS} items, which is read whole every time: a stranger's feed must not pin memory
 * from one poll to the next. One instance per feed; not thread-safe, as polls of one feed do not overlap.
 */
public final class IncrementalFeedParser {
    /** The longest feed whose items are kept for the next read. */
    static final int MAX_REMEMBERED_ITEMS = 500;

    private record ItemKey(ByteBuffer sha256) {}

    private String lastSurroundings;
    private Map<ItemKey, FeedItem> lastItems = Map.of();
    private String lastTitle;
    private String lastFormat;

    /** The feed in {@code bytes}, as {@link FeedParser#parse(byte[], URI)} reads it. */
    public ParsedFeed parse(byte[] bytes, URI feedUrl) throws FeedParseException {
        String text = FeedText.decode(bytes);
        Optional<FeedSplit> split = FeedSplit.of(text);
        if (split.isEmpty() || split.get().items().size() > MAX_REMEMBERED_ITEMS) {
            return remember(null, List.of(), FeedParser.parse(text, feedUrl));
        }
        FeedSplit feed = split.get();
        String surroundings = feedUrl + "\n" + feed.surroundings();
        Map<ItemKey, FeedItem> known = surroundings.equals(lastSurroundings) ? lastItems : Map.of();
        MessageDigest sha256 = sha256();
        List<ItemKey> keys = feed.items().stream().map(item -> key(sha256, item)).toList();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!known.containsKey(keys.get(i))) {
                unknown.add(feed.items().get(i));
            }
        }
        if (unknown.isEmpty()) {
            return remember(surroundings, keys,
                    new ParsedFeed(lastTitle, lastFormat, keys.stream().map(known::get).toList()));
        }
        boolean whole = unknown.size() == keys.size();
        ParsedFeed read;
        try {
            read = FeedParser.parse(whole ? text : feed.withItems(unknown), feedUrl);
        } catch (FeedParseException e) {
            if (whole) {
                throw e;
            }
            return remember(null, List.of(), FeedParser.parse(text, feedUrl));
        }
        if (read.items().size() != unknown.size()) {
            // The parser and the split disagree on what the items are: nothing of this read is reused.
            return remember(null, List.of(), whole ? read : FeedParser.parse(text, feedUrl));
        }
        List<FeedItem> items = new ArrayList<>(keys.size());
        int next = 0;
        for (ItemKey key : keys) {
            FeedItem item = known.get(key);
            items.add(item != null ? item : read.items().get(next++));
        }
        return remember(surroundings, keys, new ParsedFeed(read.title(), read.format(), items));
    }

    /** Keeps what the next read may reuse: nothing when {@code surroundings} is null. */
    private ParsedFeed remember(String surroundings, List<ItemKey> keys, ParsedFeed feed) {
        lastSurroundings = surroundings;
        lastTitle = feed.title();
        lastFormat = feed.format();
        Map<ItemKey, FeedItem> items = new HashMap<>();
        if (surroundings != null) {
            for (int i = 0; i < keys.size(); i++) {
                items.put(keys.get(i), feed.items().get(i));
            }
        }
        lastItems = items;
        return feed;
    }

    /** {@code digest} resets the digest, so one serves every item of a read. */
    private static ItemKey key(MessageDigest sha256, String itemText) {
        return new ItemKey(ByteBuffer.wrap(sha256.digest(itemText.getBytes(StandardCharsets.UTF_8))));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
