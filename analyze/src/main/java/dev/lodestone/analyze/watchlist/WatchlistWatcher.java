package dev.lodestone.analyze.watchlist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads a watch-list file when it changes, so analysts can add a spelling without restarting the pipeline.
 *
 * <p>It polls the file's modification time and size (every second by default) rather than using a
 * {@code WatchService}, which misses edits made through a symbolic link or by editors that replace the file, and
 * works per directory. A changed file that does not load is logged with its line and ignored: the last good
 * watch-list keeps running, and the next edit is tried again.
 */
public final class WatchlistWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchlistWatcher.class);

    private record Stamp(long modified, long size) {}

    private final Path file;
    private final Consumer<Watchlist> listener;
    private volatile Watchlist current;
    private Stamp seen;
    private ScheduledExecutorService poller;

    /**
     * Loads {@code file}; {@code listener} is called with each later good version.
     *
     * @throws WatchlistException if the file cannot be loaded now: at start there is no last good one to keep
     */
    public WatchlistWatcher(Path file, Consumer<Watchlist> listener) {
        this.file = Objects.requireNonNull(file, "file");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.seen = stamp();
        this.current = WatchlistLoader.load(file);
    }

    /** Checks the file every {@code interval} on a daemon thread until {@link #close()}. */
    public synchronized WatchlistWatcher start(Duration interval) {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "watchlist-watcher");
                thread.setDaemon(true);
                return thread;
            });
            long millis = interval.toMillis();
            poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** The watch-list in force: the last version of the file that loaded. */
    public Watchlist current() {
        return current;
    }

    /**
     * Reloads the file if it changed since the last check. Returns whether a new watch-list took effect.
     * Never throws: a broken file is logged and the current watch-list kept.
     */
    public synchronized boolean poll() {
        Stamp now = stamp();
        if (now == null || now.equals(seen)) {
            return false;
        }
        seen = now;
        Watchlist loaded;
        try {
            loaded = WatchlistLoader.load(file);
        } catch (WatchlistException e) {
            LOG.warn("Watch-list {} changed but cannot be used, keeping the last good one ({} entities): {}",
                    file, current.entities().size(), e.getMessage());
            return false;
        }
        current = loaded;
        LOG.info("Watch-list {} reloaded: {} entities", file, loaded.entities().size());
        try {
            listener.accept(loaded);
        } catch (RuntimeException e) {
            LOG.error("Watch-list {}: the listener failed on the new watch-list", file, e);
        }
        return true;
    }

    private Stamp stamp() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), attributes.size());
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
