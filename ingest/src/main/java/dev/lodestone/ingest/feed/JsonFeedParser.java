package dev.lodestone.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads JSON Feed 1.0 and 1.1 (jsonfeed.org), the format some blogs and newsletters offer instead of RSS:
 * a few dozen lines on Jackson, which core already brings.
 */
final class JsonFeedParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";
    /** The version is a jsonfeed.org URL by the spec; some generators write the bare number. */
    private static final Pattern BARE_VERSION = Pattern.compile("\\d+(\\.\\d+)?");

    private JsonFeedParser() {}

    static ParsedFeed parse(String json, URI feedUrl) throws FeedParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FeedParseException(feedUrl + ": not a readable feed: " + FeedParser.oneLine(e.getOriginalMessage()), e);
        }
        String version = root.path("version").asText("").replace(VERSION_PREFIX, "");
        if (!BARE_VERSION.matcher(version).matches() || !root.path("items").isArray()) {
            throw new FeedParseException(feedUrl + ": not a feed: JSON without a jsonfeed.org version and items", null);
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            URI url = FeedParser.resolve(feedUrl, text(item, "url"));
            String summary = text(item, "summary");
            if (summary == null) {
                String html = text(item, "content_html");
                summary = html != null ? FeedParser.htmlToText(html) : text(item, "content_text");
            }
            items.add(new FeedItem(url, text(item, "id"), FeedParser.clean(text(item, "title")),
                    FeedParser.clean(summary), author(item), date(item)));
        }
        return new ParsedFeed(FeedParser.clean(text(root, "title")),
                "json_" + version, items);
    }

    /** 1.1 lists {@code authors}; 1.0 had a single {@code author}, which 1.1 feeds still often carry. */
    private static String author(JsonNode item) {
        for (JsonNode author : item.path("authors")) {
            String name = text(author, "name");
            if (name != null) {
                return FeedParser.clean(name);
            }
        }
        String name = text(item.path("author"), "name");
        return name == null ? null : FeedParser.clean(name);
    }

    private static Instant date(JsonNode item) {
        for (String field : List.of("date_published", "date_modified")) {
            String value = text(item, field);
            if (value != null) {
                try {
                    return OffsetDateTime.parse(value).toInstant();
                } catch (DateTimeParseException ignored) {
                    // an unreadable date is no date; try the next field
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }
}
