package dev.lodestone.app.bench;

import java.io.PrintStream;

/**
 * A progress bar for long work: count, rate and time left. On a terminal it is redrawn in place at most every
 * 200 ms; into a file or pipe it writes one line every 5 s instead, so long runs show they are alive without
 * flooding a log with carriage returns.
 */
public final class Progress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LINE_NANOS = 5_000_000_000L;
    private static final int WIDTH = 30;

    private final String what;
    private final long total;
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long current;

    public Progress(String what, long total, PrintStream out) {
        this.what = what;
        this.total = total;
        this.out = out;
    }

    public void update(long done) {
        current = done;
        long now = System.nanoTime();
        if (now - lastDraw >= (terminal ? REDRAW_NANOS : LINE_NANOS)) {
            lastDraw = now;
            draw(now);
        }
    }

    public void done() {
        draw(System.nanoTime());
        if (terminal) {
            out.println();
        }
    }

    private void draw(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = current / seconds;
        long left = rate > 0 ? Math.round((total - current) / rate) : 0;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * current / total);
        out.printf("%s%-10s [%s%s] %,d/%,d  %,.0f/s  %ds left   %s", terminal ? "\r" : "", what, "#".repeat(filled),
                " ".repeat(WIDTH - filled), current, total, rate, left, terminal ? "" : "\n");
        out.flush();
    }
}
