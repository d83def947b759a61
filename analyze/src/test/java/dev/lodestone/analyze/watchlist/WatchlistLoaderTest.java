package dev.lodestone.analyze.watchlist;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WatchlistLoaderTest {
    private static Path fixture(String name) {
        return Path.of("src/test/resources/watchlists", name);
    }

    @Test
    void theBundledWatchlistHasTheStorysCast() {
        Set<String> ids = WatchlistLoader.bundled().entities().stream().map(Entity::id).collect(Collectors.toSet());

        assertTrue(ids.containsAll(Set.of("pakistan", "united-states", "china", "india", "quad",
                "frontier-works-organisation", "us-strategic-metals", "shehbaz-sharif", "asim-munir", "donald-trump",
                "stacy-hastie", "pakistan-tehreek-e-insaf", "sheikh-waqqas-akram", "pasni", "gwadar", "balochistan",
                "reko-diq", "barrick", "antimony", "copper", "neodymium", "praseodymium", "rare-earth-elements",
                "critical-minerals")), ids.toString());
    }

    @Test
    void aYamlErrorNamesTheLine() {
        WatchlistException e = assertThrows(WatchlistException.class, () -> WatchlistLoader.load(fixture("broken-yaml.yml")));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void aDuplicateIdIsRefused() {
        WatchlistException e = assertThrows(WatchlistException.class, () -> WatchlistLoader.load(fixture("duplicate-id.yml")));
        assertTrue(e.getMessage().contains("duplicate entity id 'pasni'"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        WatchlistException e = assertThrows(WatchlistException.class, () -> WatchlistLoader.load(fixture("absent.yml")));
        assertTrue(e.getMessage().contains("absent.yml"), e.getMessage());
    }
}
