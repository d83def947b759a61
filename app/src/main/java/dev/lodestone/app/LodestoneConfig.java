package dev.lodestone.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lodestone.ingest.registry.FeedSource;
import dev.lodestone.ingest.registry.Opml;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a Lodestone deployment, read from YAML ({@code config/lodestone.yml} is the bundled default).
 *
 * @param sources       what ingest watches: the feeds listed in the file and the feeds, sitemaps and section
 *                      pages of its OPML {@code feedLists}
 * @param watchlist     path of the watch-list file; null for the bundled one
 * @param partitions    partitions of each topic created by the first service to start
 * @param minPollInterval how often the busiest feed is polled; each feed's interval follows its publishing rate
 * @param maxPollInterval how seldom the quietest feed is polled
 * @param allowLoopback whether feeds and pages may live on this machine's loopback address (tests, demo)
 * @param storyWindow   how long after its first copy a story can still gather copies
 * @param hostDelay     the pause between two requests to one host, so no site is hammered
 */
public record LodestoneConfig(List<FeedSource> sources, Path watchlist, int partitions, Duration minPollInterval,
                              Duration maxPollInterval, boolean allowLoopback, Duration storyWindow, Duration hostDelay) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file as written: strings, so that a bad URL is reported by the loader with its text. */
    private record Raw(List<String> feeds, List<String> feedLists, String watchlist, Integer partitions, Duration minPollInterval,
                       Duration maxPollInterval, Boolean allowLoopback, Duration storyWindow, Duration hostDelay) {}

    public LodestoneConfig {
        sources = List.copyOf(sources);
        if (partitions < 1) {
            throw new ConfigException("partitions must be at least 1, not " + partitions);
        }
        if (minPollInterval.isNegative() || minPollInterval.isZero()) {
            throw new ConfigException("minPollInterval must be positive, not " + minPollInterval);
        }
        if (maxPollInterval.compareTo(minPollInterval) < 0) {
            throw new ConfigException("maxPollInterval " + maxPollInterval + " is shorter than minPollInterval " + minPollInterval);
        }
        if (storyWindow.isNegative() || storyWindow.isZero()) {
            throw new ConfigException("storyWindow must be positive, not " + storyWindow);
        }
    }

    /** Watches these feeds instead of the configured sources. */
    public LodestoneConfig withFeeds(List<URI> feeds) {
        return new LodestoneConfig(feeds.stream().map(FeedSource::feed).toList(), watchlist, partitions, minPollInterval, maxPollInterval, allowLoopback, storyWindow, hostDelay);
    }

    /** Polls every feed at this fixed interval, whatever its publishing rate. */
    public LodestoneConfig withPollInterval(Duration interval) {
        return new LodestoneConfig(sources, watchlist, partitions, interval, interval, allowLoopback, storyWindow, hostDelay);
    }

    /** Sets the pause between requests to one host; only a server of one's own deserves zero. */
    public LodestoneConfig withHostDelay(Duration delay) {
        return new LodestoneConfig(sources, watchlist, partitions, minPollInterval, maxPollInterval, allowLoopback,
                storyWindow, delay);
    }

    public LodestoneConfig withAllowLoopback(boolean allow) {
        return new LodestoneConfig(sources, watchlist, partitions, minPollInterval, maxPollInterval, allow, storyWindow, hostDelay);
    }

    public static LodestoneConfig load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), file.toAbsolutePath().getParent());
        } catch (NoSuchFileException e) {
            throw new ConfigException("cannot read config file " + file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    public static LodestoneConfig bundled() {
        try (InputStream in = LodestoneConfig.class.getResourceAsStream("/lodestone.yml")) {
            if (in == null) {
                throw new ConfigException("the bundled lodestone.yml is missing from the class path");
            }
            return parse(in, "bundled lodestone.yml", null);
        } catch (IOException e) {
            throw new ConfigException("cannot read the bundled config: " + e.getMessage());
        }
    }

    private static LodestoneConfig parse(InputStream in, String name, Path relativeTo) throws IOException {
        Raw raw;
        try {
            raw = YAML.readValue(in, Raw.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new ConfigException("config " + name + where + ": " + e.getOriginalMessage());
        }
        if (raw == null) {
            throw new ConfigException("config " + name + " is empty");
        }
        Map<URI, FeedSource> sources = new LinkedHashMap<>();
        for (String feed : raw.feeds() == null ? List.<String>of() : raw.feeds()) {
            URI url = feedUri(feed, name);
            sources.put(url, FeedSource.feed(url));
        }
        for (String list : raw.feedLists() == null ? List.<String>of() : raw.feedLists()) {
            for (FeedSource source : readFeedList(list, relativeTo, name)) {
                sources.putIfAbsent(feedUri(source.url().toString(), list), source);
            }
        }
        Path watchlist = null;
        if (raw.watchlist() != null) {
            watchlist = relativeTo == null ? Path.of(raw.watchlist()) : relativeTo.resolve(raw.watchlist());
        }
        return new LodestoneConfig(List.copyOf(sources.values()), watchlist,
                raw.partitions() == null ? 3 : raw.partitions(),
                raw.minPollInterval() == null ? Duration.ofMinutes(2) : raw.minPollInterval(),
                raw.maxPollInterval() == null ? Duration.ofHours(6) : raw.maxPollInterval(),
                raw.allowLoopback() != null && raw.allowLoopback(),
                raw.storyWindow() == null ? Duration.ofDays(14) : raw.storyWindow(),
                raw.hostDelay() == null ? Duration.ofSeconds(1) : raw.hostDelay());
    }

    /** An OPML file beside the config file, or for the bundled config, bundled beside it. */
    private static List<FeedSource> readFeedList(String list, Path relativeTo, String configName) {
        try (InputStream in = relativeTo == null ? LodestoneConfig.class.getResourceAsStream("/" + list)
                : Files.newInputStream(relativeTo.resolve(list))) {
            if (in == null) {
                throw new ConfigException("config " + configName + ": feed list " + list + " is not bundled");
            }
            return Opml.read(in);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config " + configName + ": cannot read feed list " + e.getFile() + ": no such file");
        } catch (IOException e) {
            throw new ConfigException("config " + configName + ": cannot read feed list " + list + ": " + e.getMessage());
        }
    }

    private static URI feedUri(String text, String configName) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new ConfigException("config " + configName + ": feed " + text + " has unsupported URL scheme '"
                        + scheme + "' (only http and https)");
            }
            if (uri.getHost() == null) {
                throw new ConfigException("config " + configName + ": feed " + text + " has no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("config " + configName + ": feed " + text + " is not a URL: " + e.getReason());
        }
    }
}
