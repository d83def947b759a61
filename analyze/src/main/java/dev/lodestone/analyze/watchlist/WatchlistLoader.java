package dev.lodestone.analyze.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * would otherwise silently tag nothing.
 */
public final class WatchlistLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WatchlistLoader() {}

    public static Watchlist load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new WatchlistException("cannot read watch-list " + file + ": " + e.getMessage(), e);
        }
    }

    /** The watch-list bundled with Lodestone, for the Pakistan–US critical-minerals deal. */
    public static Watchlist bundled() {
        try (InputStream in = WatchlistLoader.class.getResourceAsStream("/watchlist.yml")) {
            if (in == null) {
                throw new WatchlistException("the bundled watch-list is missing from the class path");
            }
            return parse(in, "bundled watchlist.yml");
        } catch (IOException e) {
            throw new WatchlistException("cannot read the bundled watch-list: " + e.getMessage(), e);
        }
    }

    static Watchlist parse(InputStream in, String name) throws IOException {
        Watchlist watchlist;
        try {
            watchlist = YAML.readValue(in, Watchlist.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new WatchlistException("watch-list " + name + where + ": " + e.getOriginalMessage(), e);
        }
        if (watchlist == null || watchlist.entities().isEmpty()) {
            throw new WatchlistException("watch-list " + name + " has no entities");
        }
        validate(watchlist, name);
        return watchlist;
    }

    private static void validate(Watchlist watchlist, String name) {
        Set<String> ids = new HashSet<>();
        for (Entity entity : watchlist.entities()) {
            if (!ids.add(entity.id())) {
                throw new WatchlistException("watch-list " + name + ": duplicate entity id '" + entity.id() + "'");
            }
            if (entity.aliases().isEmpty()) {
                throw new WatchlistException("watch-list " + name + ": entity '" + entity.id() + "' has no aliases");
            }
        }
        for (var group : watchlist.aboutAllOf()) {
            for (String id : group) {
                if (!ids.contains(id)) {
                    throw new WatchlistException("watch-list " + name + ": aboutAllOf names unknown entity '" + id + "'");
                }
            }
        }
    }
}
