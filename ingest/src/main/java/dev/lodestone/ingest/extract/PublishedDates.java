package dev.lodestone.ingest.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the spellings pages use for publication dates: ISO-8601 as written in the wild (a space for the
 * {@code T}, fractions of a second, offsets with or without a colon or minutes, a trailing {@code UTC} or
 * {@code GMT}) and RFC 1123. A date without a zone is taken as UTC: wrong by a few hours at worst, which
 * beats having no date at all. Templates that lack a date print placeholders ({@code 0001-01-01}, the Unix
 * epoch); a date before 1901 or at the epoch is read as no date, so that a better source can be tried.
 */
final class PublishedDates {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d\\d)-(\\d\\d)"
            + "(?:[T ](\\d\\d):(\\d\\d)(?::(\\d\\d)(?:[.,]\\d+)?)?)?"
            + "\\s*(Z|(?:UTC|GMT)|[+-]\\d\\d(?::?\\d\\d)?)?", Pattern.CASE_INSENSITIVE);

    private static final Instant EARLIEST = Instant.parse("1901-01-01T00:00:00Z");

    private PublishedDates() {}

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String date = text.strip();
        Matcher iso = ISO.matcher(date);
        try {
            Instant instant = iso.matches() ? iso(iso)
                    : OffsetDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return instant.isBefore(EARLIEST) || instant.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static Instant iso(Matcher iso) {
        LocalDate day = LocalDate.of(number(iso, 1), number(iso, 2), number(iso, 3));
        LocalTime time = iso.group(4) == null ? LocalTime.MIDNIGHT
                : LocalTime.of(number(iso, 4), number(iso, 5), iso.group(6) == null ? 0 : number(iso, 6));
        return day.atTime(time).toInstant(offset(iso.group(7)));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z") || zone.equalsIgnoreCase("UTC") || zone.equalsIgnoreCase("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        return ZoneOffset.ofHoursMinutes(Integer.parseInt(digits.substring(0, 3)),
                digits.length() > 3 ? Integer.parseInt(digits.charAt(0) + digits.substring(3)) : 0);
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }
}
