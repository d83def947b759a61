package dev.lodestone.ingest.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the ISO-8601 (and RFC 1123) spellings that pages use for publication dates. A date without a zone is taken as
 * UTC: wrong by a few hours at worst, which beats having no date at all.
 */
final class PublishedDates {
    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]XX");

    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private static final List<Function<String, Instant>> SPELLINGS = List.of(
            text -> OffsetDateTime.parse(text).toInstant(),
            text -> OffsetDateTime.parse(text, OFFSET_WITHOUT_COLON).toInstant(),
            text -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC),
            text -> LocalDateTime.parse(text, SPACE_SEPARATED).toInstant(ZoneOffset.UTC),
            text -> OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
            text -> LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));

    private PublishedDates() {}

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (Function<String, Instant> spelling : SPELLINGS) {
            try {
                return Optional.of(spelling.apply(text.strip()));
            } catch (DateTimeParseException notThisSpelling) {
                continue;
            }
        }
        return Optional.empty();
    }
}
