package dev.lodestone.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Checks saved feed files with the parser ingest runs, for {@code lodestone parse-feed}: one
 * {@link FeedFileReport} per file, whatever happens to any other. Every file gets at most {@link #MAX_BYTES}
 * read and {@link #TIME_LIMIT} of parsing, so one pathological file can neither stall nor exhaust the run.
 *
 * <p>A parse that overruns is abandoned on a daemon thread (XML parsers cannot be interrupted) and the next
 * file gets a fresh one; close the check to let the threads go.
 */
public final class FeedFileCheck implements AutoCloseable {
    public static final Duration TIME_LIMIT = Duration.ofSeconds(1);
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private final ExecutorService parsers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "lodestone-parse-feed");
        thread.setDaemon(true);
        return thread;
    });

    /** Reads and parses one file; never throws for anything the file contains. */
    public FeedFileReport check(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = readCapped(file);
        } catch (IOException e) {
            return FeedFileReport.failed(name, "cannot read: " + FeedParser.oneLine(e.getMessage()));
        }
        if (bytes == null) {
            return FeedFileReport.failed(name, "larger than " + MAX_BYTES + " bytes");
        }
        URI base = file.toAbsolutePath().toUri();
        Future<ParsedFeed> parse = parsers.submit(() -> FeedParser.parse(bytes, base));
        try {
            return FeedFileReport.read(name, parse.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            parse.cancel(true);
            return FeedFileReport.failed(name, "parsing took longer than " + TIME_LIMIT.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof FeedParseException)) {
                return FeedFileReport.failed(name, FeedParser.oneLine("parser failed: " + cause));
            }
            String message = cause.getMessage();
            String prefix = base + ": ";
            return FeedFileReport.failed(name, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            parse.cancel(true);
            return FeedFileReport.failed(name, "interrupted");
        }
    }

    /** Every regular, non-hidden file under the folder, in a stable order, for {@code --dir}. */
    public static List<Path> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        parsers.shutdownNow();
    }

    /** The file's bytes, or null when it holds more than the cap. */
    private static byte[] readCapped(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? null : bytes;
        }
    }
}
