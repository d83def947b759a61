package dev.lodestone.analyze.watchlist;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    void aYamlErrorNamesTheFile() {
        WatchlistException e = assertThrows(WatchlistException.class, () -> WatchlistLoader.load(fixture("broken-yaml.yml")));
        assertTrue(e.getMessage().contains("broken-yaml.yml"), e.getMessage());
    }

    @Test
    void aDuplicateIdIsRefusedAtTheLineOfItsSecondOccurrence() {
        WatchlistException e = assertThrows(WatchlistException.class, () -> WatchlistLoader.load(fixture("duplicate-id.yml")));
        assertTrue(e.getMessage().contains("duplicate-id.yml line 7: duplicate entity id 'pasni'"), e.getMessage());
    }

    @Test
    void anUnknownKindIsRefusedAtItsEntitysLine() {
        WatchlistException e = assertThrows(WatchlistException.class, () -> WatchlistLoader.load(fixture("unknown-kind.yml")));
        assertTrue(e.getMessage().contains("unknown-kind.yml line 7: entity 'gwadar' has kind 'port'"), e.getMessage());
    }

    @Test
    void theBundledWatchlistHasAliasesInUrduHindiAndChineseForTheCoreCast() {
        Map<String, Entity> byId = WatchlistLoader.bundled().byId();
        for (String id : List.of("pakistan", "united-states", "china", "frontier-works-organisation", "us-strategic-metals",
                "shehbaz-sharif", "asim-munir", "donald-trump", "antimony", "copper", "neodymium", "praseodymium",
                "rare-earth-elements", "pasni", "gwadar", "balochistan")) {
            List<String> aliases = byId.get(id).aliases();
            assertTrue(aliases.stream().anyMatch(a -> a.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)), id + " in Urdu");
            assertTrue(aliases.stream().anyMatch(a -> a.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.DEVANAGARI)), id + " in Hindi");
            assertTrue(aliases.stream().anyMatch(a -> a.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)), id + " in Chinese");
        }
    }

    @Test
    void aMissingFileIsNamed() {
        WatchlistException e = assertThrows(WatchlistException.class, () -> WatchlistLoader.load(fixture("absent.yml")));
        assertTrue(e.getMessage().contains("absent.yml"), e.getMessage());
    }
}
