package dev.lodestone.ingest.registry;

import dev.lodestone.core.FeedState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders feed health as an aligned text table for {@code lodestone feeds}: failing feeds first (most
 * failures in a row first), so what needs attention is at the top. The status is the one the metrics report
 * ({@link FeedHealthMetrics.State}): ok, failing, or dead when no poll has succeeded for a day. Pure.
 */
public final class FeedHealthTable {
    private static final List<String> HEADERS =
            List.of("FEED", "STATUS", "HTTP", "FAILS", "ITEMS", "PER DAY", "LAST SUCCESS", "NEXT POLL", "LAST ERROR");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_ERROR = 80;

    private FeedHealthTable() {}

    /** @param now when the table is drawn, which tells a feed failing since yesterday from one failing today */
    public static String render(List<FeedState> feeds, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADERS);
        feeds.stream()
                .sorted(Comparator.comparingInt(FeedState::consecutiveFailures).reversed().thenComparing(FeedState::url))
                .forEach(feed -> rows.add(List.of(
                        feed.url(),
                        status(FeedHealthMetrics.State.of(feed, now)),
                        feed.httpStatus() == 0 ? "-" : String.valueOf(feed.httpStatus()),
                        String.valueOf(feed.consecutiveFailures()),
                        String.valueOf(feed.itemsSeen()),
                        perDay(feed.itemsPerDay()),
                        time(feed.lastSuccess()),
                        time(feed.nextPoll()),
                        feed.lastError() == null ? "" : shorten(feed.lastError()))));
        int[] widths = new int[HEADERS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    private static String status(FeedHealthMetrics.State state) {
        return state == FeedHealthMetrics.State.HEALTHY ? "ok" : state.label();
    }

    private static String perDay(double rate) {
        return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.format(Locale.ROOT, "%.1f", rate);
    }

    private static String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant);
    }

    private static String shorten(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }
}
