package dev.lodestone.analyze.watchlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchlistWatcherTest {
    @TempDir
    Path dir;

    private final List<Watchlist> heard = new CopyOnWriteArrayList<>();
    private int saves;

    /**
     * Replaces the watched file with a fixture and moves its modification time a second on per save, as edits
     * seconds apart would: without that, two saves within the file system's clock resolution look alike.
     */
    private void save(Path file, String fixture) throws IOException {
        Files.copy(Path.of("src/test/resources/watchlists", fixture), file, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(++saves)));
    }

    private Path watched() throws IOException {
        Path file = dir.resolve("watchlist.yml");
        Files.copy(Path.of("src/test/resources/watchlists/pasni.yml"), file);
        return file;
    }

    @Test
    void aChangedFileIsReloadedAndHandedToTheListener() throws IOException {
        Path file = watched();
        try (WatchlistWatcher watcher = new WatchlistWatcher(file, heard::add)) {
            save(file, "pasni-and-gwadar.yml");

            assertTrue(watcher.poll());
            assertEquals(2, watcher.current().entities().size());
            assertEquals(List.of(watcher.current()), heard);
        }
    }

    @Test
    void anUnchangedFileIsNotReloaded() throws IOException {
        try (WatchlistWatcher watcher = new WatchlistWatcher(watched(), heard::add)) {
            assertFalse(watcher.poll());
            assertEquals(List.of(), heard);
        }
    }

    @Test
    void aBrokenFileKeepsTheLastGoodWatchlist() throws IOException {
        Path file = watched();
        try (WatchlistWatcher watcher = new WatchlistWatcher(file, heard::add)) {
            Watchlist good = watcher.current();
            save(file, "broken-yaml.yml");

            assertFalse(watcher.poll());
            assertEquals(good, watcher.current());
            assertEquals(List.of(), heard);
        }
    }

    @Test
    void aFixedFileIsLoadedAfterABrokenOne() throws IOException {
        Path file = watched();
        try (WatchlistWatcher watcher = new WatchlistWatcher(file, heard::add)) {
            save(file, "duplicate-id.yml");
            watcher.poll();
            save(file, "pasni-and-gwadar.yml");

            assertTrue(watcher.poll());
            assertEquals(2, watcher.current().entities().size());
        }
    }

    @Test
    void theStartedWatcherNoticesAChangeByItself() throws Exception {
        Path file = watched();
        try (WatchlistWatcher watcher = new WatchlistWatcher(file, heard::add).start(Duration.ofMillis(20))) {
            save(file, "pasni-and-gwadar.yml");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (heard.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(2, heard.get(0).entities().size());
        }
    }
}
