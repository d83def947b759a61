package dev.lodestone.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.io.impl.DateParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class FeedDatesTest {
    private static final Instant MOU_SIGNED = Instant.parse("2025-09-08T09:30:00Z");

    @Test
    void anRfc822DateInGmtIsReadWithoutRome() {
        assertEquals(MOU_SIGNED, FeedDates.readFast("Mon, 08 Sep 2025 09:30:00 GMT"));
    }

    @Test
    void anRfc822DateWithANamedUsZoneIsReadInThatZone() {
        assertEquals(MOU_SIGNED, FeedDates.readFast("Mon, 08 Sep 2025 05:30:00 EDT"));
    }

    @Test
    void anRfc822DateWithANumericOffsetIsReadAtThatOffset() {
        assertEquals(MOU_SIGNED, FeedDates.readFast("Mon, 08 Sep 2025 14:30:00 +0500"));
    }

    @Test
    void anRfc822DateWithoutDayOfWeekOrSecondsAndASingleDigitDayIsRead() {
        assertEquals(MOU_SIGNED, FeedDates.readFast("8 Sep 2025 09:30 GMT"));
    }

    @Test
    void aWrongDayOfTheWeekIsIgnoredAsRomeIgnoresIt() {
        assertEquals(MOU_SIGNED, FeedDates.readFast("Fri, 08 Sep 2025 09:30:00 GMT"));
    }

    @Test
    void aTwoDigitYearFallsInRomesCenturyWindowOf80YearsBackAnd20Ahead() {
        assertEquals(MOU_SIGNED, FeedDates.readFast("Mon, 08 Sep 25 09:30:00 GMT"));
        assertEquals(Instant.parse("1999-12-31T23:59:00Z"), FeedDates.readFast("Fri, 31 Dec 99 23:59:00 GMT"));
    }

    @Test
    void aW3cDateTimeInUtcIsReadWithoutRome() {
        assertEquals(MOU_SIGNED, FeedDates.readFast("2025-09-08T09:30:00Z"));
    }

    @Test
    void aW3cDateTimeWithMillisecondsAndAnOffsetKeepsBoth() {
        assertEquals(Instant.parse("2025-09-08T09:30:00.123Z"), FeedDates.readFast("2025-09-08T14:30:00.123+05:00"));
    }

    @Test
    void aW3cDateWithoutATimeIsMidnightUtc() {
        assertEquals(Instant.parse("2025-09-08T00:00:00Z"), FeedDates.readFast("2025-09-08"));
    }

    @Test
    void aDateOnlyRomeUnderstandsIsLeftToRomeAndStillRead() {
        String longNames = "Monday, 8 September 2025 09:30:00 GMT";

        assertNull(FeedDates.readFast(longNames));
        assertEquals(MOU_SIGNED, FeedDates.read(longNames));
    }

    @Test
    void aFractionThatIsNotMillisecondsIsReadAsRomeReadsIt() {
        assertEquals(Instant.parse("2025-09-08T09:30:00.005Z"), FeedDates.read("2025-09-08T09:30:00.5Z"));
    }

    @Test
    void aDayBeyondTheEndOfTheMonthRollsOverAsInRome() {
        assertEquals(Instant.parse("2025-10-01T09:30:00Z"), FeedDates.read("Wed, 31 Sep 2025 09:30:00 GMT"));
    }

    @Test
    void textThatIsNoDateIsNoInstant() {
        assertNull(FeedDates.read("last Monday"));
        assertNull(FeedDates.read(""));
    }

    @Test
    void whereverTheFastPathReadsADateRomeReadsTheSameInstant() {
        int read = 0;
        for (String text : variants()) {
            Instant fast = FeedDates.readFast(text);
            if (fast != null) {
                read++;
                Date rome = DateParser.parseDate(text, Locale.US);
                assertEquals(rome == null ? null : rome.toInstant(), fast, () -> "'" + text + "'");
            }
        }
        assertTrue(read > 500, read + " variants read by the fast path");
    }

    /** RFC 822 and W3C dates, well and badly formed: what the fast path takes must be what Rome reads. */
    private static List<String> variants() {
        List<String> texts = new ArrayList<>();
        for (String weekday : List.of("", "Mon, ", "Fri, ", "Monday, ", "Mon,")) {
            for (String day : List.of("8", "08", "31", "0")) {
                for (String month : List.of("Sep", "Feb", "sep")) {
                    for (String year : List.of("2025", "25", "99", "0025", "125")) {
                        for (String time : List.of("09:30:00", "09:30", "24:00:00", "9:30:00")) {
                            for (String zone : List.of("GMT", "UT", "Z", "EST", "PDT", "+0000", "-0530", "+05:30",
                                    "+1801", "+0560", "GMT+05:00", "CET", "")) {
                                texts.add((weekday + day + " " + month + " " + year + " " + time + " " + zone).strip());
                            }
                        }
                    }
                }
            }
        }
        for (String date : List.of("2025-09-08", "2025-09-31", "2024-02-29", "2025-02-29", "0999-01-01", "2025-9-08")) {
            for (String time : List.of("", "T09:30:00", "T09:30", "T24:00:00", "T09:30:60", "T09:30:00.123",
                    "T09:30:00.1", "T09:30:00.123456", "T09:30:00,5", "t09:30:00", " 09:30:00")) {
                for (String offset : List.of("", "Z", "z", "+05:00", "-00:00", "+0530", "+02", "+02:00:00", "+19:00",
                        "+5:30", " Z")) {
                    texts.add(date + time + offset);
                    texts.add(" " + date + time + offset + "\n");
                }
            }
        }
        return texts;
    }
}
