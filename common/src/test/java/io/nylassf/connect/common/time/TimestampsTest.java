package io.nylassf.connect.common.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TimestampsTest {
    private static final Instant NEW_YEAR = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void readsIsoAndSalesforceDateTimes() {
        assertEquals(NEW_YEAR, Timestamps.parseInstant("2024-01-01T00:00:00Z"));
        assertEquals(NEW_YEAR, Timestamps.parseInstant(" 2024-01-01T00:00:00.000Z "));
        assertEquals(NEW_YEAR, Timestamps.parseInstant("2024-01-01T00:00:00.000+0000"));
        assertEquals(NEW_YEAR, Timestamps.parseInstant("2024-01-01T00:00:00+00:00"));
        assertEquals(NEW_YEAR, Timestamps.parseInstant("2024-01-01T02:00:00.000+0200"));
        assertEquals(NEW_YEAR, Timestamps.parseInstant("2023-12-31T19:00:00-05:00"));
    }

    @Test
    void unreadableOrBlankDateTimesAreNull() {
        assertNull(Timestamps.parseInstant(null));
        assertNull(Timestamps.parseInstant("  "));
        assertNull(Timestamps.parseInstant("yesterday"));
        assertNull(Timestamps.parseInstant("2024-01-01T00:00:00")); // no zone: not an instant
        assertNull(Timestamps.parseInstant("1704067200000")); // digits only where asked for
    }

    @Test
    void epochMillisDigitsWhereAllowed() {
        assertEquals(NEW_YEAR, Timestamps.parseInstantOrEpochMillis("1704067200000"));
        assertEquals(NEW_YEAR, Timestamps.parseInstantOrEpochMillis("2024-01-01T00:00:00.000+0000"));
        assertNull(Timestamps.parseInstantOrEpochMillis("99999999999999999999999")); // overflows a long
        assertNull(Timestamps.parseInstantOrEpochMillis("123")); // too short to be epoch ms
        assertNull(Timestamps.parseInstantOrEpochMillis(null));
    }

    @Test
    void epochNumbersAreSecondsBelowTenToTheEleven() {
        assertEquals(NEW_YEAR, Timestamps.ofEpochSecondsOrMillis(1_704_067_200L));
        assertEquals(NEW_YEAR, Timestamps.ofEpochSecondsOrMillis(1_704_067_200_000L));
    }

    @Test
    void readsDatesAndTheDatePartOfDateTimes() {
        assertEquals(LocalDate.of(2024, 1, 1), Timestamps.parseDate("2024-01-01"));
        assertEquals(LocalDate.of(2024, 1, 1), Timestamps.parseDate("2024-01-01T10:00:00Z"));
        assertNull(Timestamps.parseDate(null));
        assertNull(Timestamps.parseDate("01/01/2024"));
    }
}
