package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * An event's {@code when}, polymorphic on {@code object}: {@code time{time,timezone}},
 * {@code timespan{start_time,end_time,start_timezone,end_timezone}}, {@code date{date}},
 * {@code datespan{start_date,end_date}}. When {@code object} is omitted it is inferred from the fields present,
 * as Nylas does. Also gives every variant a {@code [start, end)} in seconds for range queries and sorting;
 * all-day dates are taken at UTC and a datespan's end date is exclusive, as Google and Microsoft report all-day
 * events and Nylas passes them on (11–12 July is one day), so it must be after the start date.
 */
final class WhenValidator {
    private WhenValidator() {
    }

    /** A validated copy of {@code when} with {@code object} set; 400 when it is missing or malformed. */
    static ObjectNode normalize(JsonNode when, String rid) {
        if (when == null || when.isNull()) {
            throw NylasErrors.badRequest(rid, "when is required.");
        }
        if (!(when instanceof ObjectNode given)) {
            throw NylasErrors.badRequest(rid, "when must be an object.");
        }
        ObjectNode w = given.deepCopy();
        String object = w.hasNonNull("object") ? w.get("object").asText() : infer(w);
        if (object == null) {
            throw NylasErrors.badRequest(rid,
                    "when needs time, start_time/end_time, date, or start_date/end_date (or an explicit object).");
        }
        w.put("object", object);
        switch (object) {
            case "time" -> {
                seconds(w, "time", rid);
                zone(w, "timezone", rid);
            }
            case "timespan" -> {
                long start = seconds(w, "start_time", rid);
                long end = seconds(w, "end_time", rid);
                if (end <= start) {
                    throw NylasErrors.badRequest(rid, "when.end_time must be after when.start_time.");
                }
                zone(w, "start_timezone", rid);
                zone(w, "end_timezone", rid);
            }
            case "date" -> date(w, "date", rid);
            case "datespan" -> {
                LocalDate start = date(w, "start_date", rid);
                LocalDate end = date(w, "end_date", rid);
                // the end date is exclusive (the providers' convention): a one-day span ends the next day
                if (!end.isAfter(start)) {
                    throw NylasErrors.badRequest(rid, "when.end_date must be after when.start_date.");
                }
            }
            default -> throw NylasErrors.badRequest(rid,
                    "when.object must be time, timespan, date or datespan, not " + object + ".");
        }
        return w;
    }

    static long start(JsonNode w) {
        return switch (w.path("object").asText()) {
            case "time" -> w.get("time").asLong();
            case "timespan" -> w.get("start_time").asLong();
            case "date" -> epoch(w.get("date").asText());
            case "datespan" -> epoch(w.get("start_date").asText());
            default -> 0;
        };
    }

    static long end(JsonNode w) {
        return switch (w.path("object").asText()) {
            case "time" -> w.get("time").asLong();
            case "timespan" -> w.get("end_time").asLong();
            case "date" -> epoch(w.get("date").asText()) + 86_400;
            case "datespan" -> epoch(w.get("end_date").asText());
            default -> 0;
        };
    }

    private static String infer(JsonNode w) {
        if (w.has("time")) {
            return "time";
        }
        if (w.has("start_time") || w.has("end_time")) {
            return "timespan";
        }
        if (w.has("date")) {
            return "date";
        }
        if (w.has("start_date") || w.has("end_date")) {
            return "datespan";
        }
        return null;
    }

    private static long seconds(JsonNode w, String field, String rid) {
        JsonNode v = w.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw NylasErrors.badRequest(rid, "when." + field + " is required (Unix seconds).");
        }
        return v.asLong();
    }

    private static void zone(JsonNode w, String field, String rid) {
        JsonNode v = w.get(field);
        if (v == null || v.isNull()) {
            return;
        }
        try {
            ZoneId.of(v.asText());
        } catch (DateTimeException e) {
            throw NylasErrors.badRequest(rid, "when." + field + " is not a valid IANA time zone: " + v.asText());
        }
    }

    private static LocalDate date(JsonNode w, String field, String rid) {
        JsonNode v = w.get(field);
        if (v == null || !v.isTextual()) {
            throw NylasErrors.badRequest(rid, "when." + field + " is required (YYYY-MM-DD).");
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeException e) {
            throw NylasErrors.badRequest(rid, "when." + field + " must be YYYY-MM-DD, not " + v.asText() + ".");
        }
    }

    private static long epoch(String date) {
        return LocalDate.parse(date).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }
}
