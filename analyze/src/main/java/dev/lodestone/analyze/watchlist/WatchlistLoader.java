package dev.lodestone.analyze.watchlist;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a watch-list from YAML and checks it before anything runs on it: a typo in an id or a duplicate
 * would otherwise silently tag nothing. Every error names the file and, where it can be placed, the line,
 * because the person reading it is editing that file.
 */
public final class WatchlistLoader {
    private static final YAMLFactory YAML_FACTORY = new YAMLFactory();
    private static final ObjectMapper YAML = new ObjectMapper(YAML_FACTORY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WatchlistLoader() {}

    public static Watchlist load(Path file) {
        byte[] yaml;
        try {
            yaml = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new WatchlistException("cannot read watch-list " + file + ": " + e.getMessage(), e);
        }
        return parse(yaml, file.toString());
    }

    /** The watch-list bundled with Lodestone, for the Pakistan–US critical-minerals deal. */
    public static Watchlist bundled() {
        try (InputStream in = WatchlistLoader.class.getResourceAsStream("/watchlist.yml")) {
            if (in == null) {
                throw new WatchlistException("the bundled watch-list is missing from the class path");
            }
            return parse(in.readAllBytes(), "bundled watchlist.yml");
        } catch (IOException e) {
            throw new WatchlistException("cannot read the bundled watch-list: " + e.getMessage(), e);
        }
    }

    /** Parses and checks {@code yaml}; {@code name} is how errors refer to the file. */
    public static Watchlist parse(byte[] yaml, String name) {
        Watchlist watchlist;
        try {
            watchlist = YAML.readValue(yaml, Watchlist.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new WatchlistException("watch-list " + name + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WatchlistException("cannot read watch-list " + name + ": " + e.getMessage(), e);
        }
        if (watchlist == null || watchlist.entities() == null || watchlist.entities().isEmpty()) {
            throw new WatchlistException("watch-list " + name + " has no entities");
        }
        validate(watchlist, yaml, name);
        return watchlist;
    }

    private static void validate(Watchlist watchlist, byte[] yaml, String name) {
        Set<String> ids = new HashSet<>();
        for (Entity entity : watchlist.entities()) {
            if (!ids.add(entity.id())) {
                throw new WatchlistException(at(yaml, name, entity.id(), 2) + ": duplicate entity id '" + entity.id() + "'");
            }
            if (!Entity.KINDS.contains(entity.kind())) {
                throw new WatchlistException(at(yaml, name, entity.id(), 1) + ": entity '" + entity.id() + "' has kind '" + entity.kind()
                        + "', expected one of " + Entity.KINDS);
            }
            if (entity.aliases().isEmpty()) {
                throw new WatchlistException(at(yaml, name, entity.id(), 1) + ": entity '" + entity.id() + "' has no aliases");
            }
            for (String alias : entity.matchCase()) {
                if (!entity.aliases().contains(alias) && !entity.shortForms().contains(alias)) {
                    throw new WatchlistException(at(yaml, name, entity.id(), 1) + ": entity '" + entity.id() + "' lists '" + alias
                            + "' under matchCase but not as an alias or short form");
                }
            }
        }
        for (var group : watchlist.aboutAllOf()) {
            for (String id : group) {
                if (!ids.contains(id)) {
                    throw new WatchlistException("watch-list " + name + ": aboutAllOf names unknown entity '" + id + "'");
                }
            }
        }
        for (String id : watchlist.storyParties()) {
            if (!ids.contains(id)) {
                throw new WatchlistException("watch-list " + name + ": storyParties names unknown entity '" + id + "'");
            }
        }
    }

    private static String at(byte[] yaml, String name, String id, int occurrence) {
        int line = lineOfId(yaml, id, occurrence);
        return "watch-list " + name + (line > 0 ? " line " + line : "");
    }

    /**
     * The line of the {@code occurrence}-th {@code id: value} in the file: records do not keep where they were
     * read, so the YAML is scanned again, which only happens on the way to an error message.
     */
    private static int lineOfId(byte[] yaml, String id, int occurrence) {
        try (JsonParser parser = YAML_FACTORY.createParser(yaml)) {
            int seen = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "id".equals(parser.currentName())
                        && parser.nextToken() == JsonToken.VALUE_STRING && id.equals(parser.getText())
                        && ++seen == occurrence) {
                    return parser.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
