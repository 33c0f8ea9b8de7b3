package io.nylassf.connect.sink.salesforce.mapping;

import io.nylassf.connect.common.time.Timestamps;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** Salesforce JSON values: formatting our values and comparing them with what Salesforce returns. */
public final class SfValues {
    private SfValues() {
    }

    public static String dateTime(Instant i) {
        return i == null ? null : DateTimeFormatter.ISO_INSTANT.format(i);
    }

    public static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    /** A datetime in any of the shapes Salesforce or we write ({@code 2024-05-01T10:00:00.000+0000}, ISO), or null. */
    public static Instant parseDateTime(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Instant i) {
            return i;
        }
        return Timestamps.parseInstant(v.toString());
    }

    public static boolean isEmpty(Object v) {
        return v == null || v.toString().isBlank();
    }

    /** Whether a value we would write equals what Salesforce holds (datetimes compared as instants). */
    public static boolean same(Object current, Object incoming) {
        if (isEmpty(current) && isEmpty(incoming)) {
            return true;
        }
        if (isEmpty(current) || isEmpty(incoming)) {
            return false;
        }
        String a = current.toString().trim();
        String b = incoming.toString().trim();
        if (a.equals(b)) {
            return true;
        }
        if (current instanceof Number || incoming instanceof Number) {
            try {
                return Double.parseDouble(a) == Double.parseDouble(b);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (a.length() >= 19 && b.length() >= 19 && a.charAt(10) == 'T' && b.charAt(10) == 'T') {
            return Objects.equals(parseDateTime(a), parseDateTime(b));
        }
        // Salesforce may hand back 15- and 18-character forms of the same ID
        if ((a.length() == 18 && b.length() == 15 && a.startsWith(b))
                || (a.length() == 15 && b.length() == 18 && b.startsWith(a))) {
            return true;
        }
        return false;
    }
}
