package io.nylassf.connect.common.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one parser for instants and dates in record values and API responses. Every method is lenient: it returns
 * null for blank or unreadable input, and callers that must reject such input do so with their own message.
 */
public final class Timestamps {
    /** Epoch values below this are seconds (Nylas writes seconds), at or above it milliseconds. */
    private static final long SECONDS_THRESHOLD = 100_000_000_000L;
    /** Salesforce writes offsets without a colon ({@code +0000}); java.time wants {@code +00:00}. */
    private static final Pattern COLONLESS_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{10,}");

    private Timestamps() {
    }

    /**
     * An ISO-8601 date-time with {@code Z} or an offset ({@code +00:00} or Salesforce's {@code +0000}), with or
     * without fractional seconds: {@code 2024-01-01T00:00:00Z}, {@code 2024-01-01T00:00:00.000+0000}. Null if not.
     */
    public static Instant parseInstant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = COLONLESS_OFFSET.matcher(s.trim()).replaceFirst("$1:$2");
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** As {@link #parseInstant}, and also ten or more digits as epoch milliseconds. Null if neither. */
    public static Instant parseInstantOrEpochMillis(String s) {
        if (s != null && EPOCH_MILLIS.matcher(s.trim()).matches()) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(s.trim()));
            } catch (NumberFormatException e) {
                return null; // overflows a long: not a time
            }
        }
        return parseInstant(s);
    }

    /** An epoch number: seconds when below 10^11 (Nylas), otherwise milliseconds (Java, Connect). */
    public static Instant ofEpochSecondsOrMillis(long v) {
        return Math.abs(v) < SECONDS_THRESHOLD ? Instant.ofEpochSecond(v) : Instant.ofEpochMilli(v);
    }

    /** A date: {@code 2024-01-01}, or the date part of a longer date-time. Null if blank or not a date. */
    public static LocalDate parseDate(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
