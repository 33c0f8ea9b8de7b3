package io.nylassf.testkit.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Converts incoming values (JSON, CSV text, Java objects) to the stored form of a field type, and stored values
 * to the JSON form Salesforce returns. Stored forms: String, Boolean, Integer, Double, LocalDate, Instant; ids are
 * always 18 chars.
 */
final class FieldValues {
    /** Salesforce's REST datetime format, e.g. {@code 2024-01-01T00:00:00.000+0000}. */
    static final DateTimeFormatter SF_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private FieldValues() {}

    /**
     * The stored form of {@code raw} for field {@code f}; {@code fromText} allows CSV-style text for every type.
     * Throws SalesforceException with Salesforce's error codes on bad input.
     */
    static Object coerce(String sobject, FieldDef f, Object raw, boolean fromText) {
        if (raw == null) {
            return null;
        }
        if (fromText && raw instanceof String s && s.isEmpty()) {
            return null;
        }
        try {
            switch (f.type()) {
                case BOOLEAN: {
                    if (raw instanceof Boolean b) {
                        return b;
                    }
                    if (fromText && raw instanceof String s) {
                        if (s.equalsIgnoreCase("true") || s.equals("1")) {
                            return true;
                        }
                        if (s.equalsIgnoreCase("false") || s.equals("0")) {
                            return false;
                        }
                    }
                    throw parseError(f, "boolean", raw);
                }
                case INT: {
                    if (raw instanceof Number n) {
                        return n.intValue();
                    }
                    if (raw instanceof String s && fromText) {
                        return (int) Double.parseDouble(s);
                    }
                    throw parseError(f, "int", raw);
                }
                case DOUBLE:
                case CURRENCY: {
                    if (raw instanceof Number n) {
                        return n.doubleValue();
                    }
                    if (raw instanceof String s) { // Salesforce accepts numeric strings for number fields
                        return Double.parseDouble(s);
                    }
                    throw parseError(f, "double", raw);
                }
                case DATE: {
                    if (raw instanceof LocalDate d) {
                        return d;
                    }
                    if (raw instanceof String s) {
                        return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
                    }
                    throw parseError(f, "date", raw);
                }
                case DATETIME: {
                    if (raw instanceof Instant i) {
                        return i;
                    }
                    if (raw instanceof TemporalAccessor t && !(raw instanceof LocalDate)) {
                        return Instant.from(t);
                    }
                    if (raw instanceof String s) {
                        return parseDateTime(s);
                    }
                    throw parseError(f, "datetime", raw);
                }
                case BASE64: {
                    if (!(raw instanceof String s)) {
                        throw parseError(f, "base64", raw);
                    }
                    byte[] bytes;
                    try {
                        bytes = java.util.Base64.getMimeDecoder().decode(s);
                    } catch (IllegalArgumentException e) {
                        throw SalesforceException.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of base64"
                                + " from VALUE_STRING value " + abbreviate(s) + ": not valid base64", f.name());
                    }
                    if (bytes.length > f.length()) {
                        throw SalesforceException.of(400, "STRING_TOO_LONG", f.name() + ": data value too large: "
                                + bytes.length + " bytes (a JSON request carries at most " + f.length()
                                + " bytes of base64-encoded data)", f.name());
                    }
                    return s;
                }
                case ID:
                case REFERENCE: {
                    String s = String.valueOf(raw);
                    String id = SalesforceIds.normalize(s);
                    if (id == null) {
                        throw SalesforceException.of(400, "MALFORMED_ID",
                                f.name() + ": id value of incorrect type: " + s, f.name());
                    }
                    return id;
                }
                default: {
                    if (!(raw instanceof String) && !fromText && !(raw instanceof Number || raw instanceof Boolean)) {
                        throw parseError(f, "string", raw);
                    }
                    String s = String.valueOf(raw);
                    if (s.length() > f.length() && f.length() > 0) {
                        throw SalesforceException.of(400, "STRING_TOO_LONG", f.name() + ": data value too large: "
                                + abbreviate(s) + " (max length=" + f.length() + ")", f.name());
                    }
                    if (f.type() == FieldType.EMAIL && !s.isEmpty() && !EMAIL.matcher(s).matches()) {
                        throw SalesforceException.of(400, "INVALID_EMAIL_ADDRESS", f.name() + ": invalid email address: " + s, f.name());
                    }
                    return s.isEmpty() && !fromText ? null : s;
                }
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw parseError(f, f.type().describeName(), raw);
        }
    }

    /** ISO-8601 with Z, {@code +hh:mm} or {@code +hhmm} offsets, optional millis; no zone means UTC. */
    static Instant parseDateTime(String s) {
        String t = s.trim();
        if (t.length() == 10) {
            throw new DateTimeParseException("date only", t, 0);
        }
        t = COMPACT_OFFSET.matcher(t).replaceFirst("$1:$2");
        if (!(t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$"))) {
            t = t + "Z";
        }
        return OffsetDateTime.parse(t).toInstant();
    }

    private static SalesforceException parseError(FieldDef f, String type, Object raw) {
        return SalesforceException.of(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + type
                + " from VALUE_STRING value " + raw + " or request may be missing a required field", f.name());
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /** The JSON form of a stored value. */
    static Object toJson(Object stored) {
        if (stored instanceof Instant i) {
            return SF_DATETIME.format(i);
        }
        if (stored instanceof LocalDate d) {
            return d.toString();
        }
        if (stored instanceof ZonedDateTime z) {
            return SF_DATETIME.format(z.toInstant());
        }
        return stored;
    }

    /** The CSV form of a stored value (Bulk API results). */
    static String toText(Object stored) {
        Object j = toJson(stored);
        return j == null ? "" : String.valueOf(j);
    }
}
