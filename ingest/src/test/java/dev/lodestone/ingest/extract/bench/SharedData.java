package dev.lodestone.ingest.extract.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's shared benchmark data, which lives beside the repository and never inside it:
 * the {@code lodestone.shared} system property if set, else the first {@code shared} folder found
 * walking up from the working directory. Tests that need it are skipped, with the reason, when it is absent.
 */
final class SharedData {
    private SharedData() {}

    static Path require(String relative) {
        Path dir = locate(relative);
        assumeTrue(dir != null, () -> "shared data " + relative + " not found (set -Dlodestone.shared=DIR); skipping");
        return dir;
    }

    private static Path locate(String relative) {
        String property = System.getProperty("lodestone.shared");
        if (property != null) {
            Path dir = Path.of(property).resolve(relative);
            return Files.isDirectory(dir) ? dir : null;
        }
        for (Path up = Path.of("").toAbsolutePath(); up != null; up = up.getParent()) {
            Path dir = up.resolve("shared").resolve(relative);
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        return null;
    }
}
