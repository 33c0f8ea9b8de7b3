package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The occurrences of a master event (one with a {@code recurrence}), as {@code expand_recurring=true} lists them:
 * each a copy of the master without {@code recurrence}, with its own id ({@code <master>_<original start>}), the
 * master's id in {@code master_event_id}, {@code original_start_time}, and the master's {@code when} moved to the
 * occurrence. They carry the master's {@code updated_at}: a generated occurrence last changed when its series did.
 */
final class SeriesExpander {
    private SeriesExpander() {
    }

    static boolean isMaster(ObjectNode e) {
        return e.path("recurrence").isArray() && !e.path("recurrence").isEmpty();
    }

    /** The occurrences of {@code master} that overlap {@code [from, to)} (seconds). */
    static List<ObjectNode> occurrences(ObjectNode master, long from, long to) {
        Recurrence rule = Recurrence.parse(master.get("recurrence"), null);
        List<ObjectNode> out = new ArrayList<>();
        if (rule == null) {
            return out;
        }
        ObjectNode when = (ObjectNode) master.get("when");
        boolean allDay = allDay(when);
        long duration = WhenValidator.end(when) - WhenValidator.start(when);
        ZonedDateTime first = first(when);
        ZonedDateTime until = Instant.ofEpochSecond(to).atZone(first.getZone());
        for (ZonedDateTime s : rule.starts(first, until)) {
            long start = s.toEpochSecond();
            long end = start + duration;
            boolean overlaps = end > from || start == end && start >= from;
            if (overlaps) {
                out.add(occurrence(master, s, allDay));
            }
        }
        return out;
    }

    /** The occurrence of {@code master} with this id, or null when the series has none. */
    static ObjectNode occurrence(ObjectNode master, String id) {
        Recurrence rule = Recurrence.parse(master.get("recurrence"), null);
        if (rule == null || !id.startsWith(master.get("id").asText() + "_")) {
            return null;
        }
        ObjectNode when = (ObjectNode) master.get("when");
        boolean allDay = allDay(when);
        ZonedDateTime first = first(when);
        // an occurrence id names its start; look a little past it so that start is generated
        String stamp = id.substring(master.get("id").asText().length() + 1);
        ZonedDateTime to = parseStamp(stamp, first.getZone());
        if (to == null) {
            return null;
        }
        for (ZonedDateTime s : rule.starts(first, to.plusDays(1))) {
            if (Recurrence.occurrenceId(master.get("id").asText(), s, allDay).equals(id)) {
                return occurrence(master, s, allDay);
            }
        }
        return null;
    }

    private static ObjectNode occurrence(ObjectNode master, ZonedDateTime start, boolean allDay) {
        ObjectNode o = master.deepCopy();
        String masterId = master.get("id").asText();
        String id = Recurrence.occurrenceId(masterId, start, allDay);
        o.put("id", id);
        o.remove("recurrence");
        o.put("master_event_id", masterId);
        o.put("original_start_time", start.toEpochSecond());
        o.put("html_link", "https://calendar.nylas-emulator.local/event?eid=" + id);
        ObjectNode w = ((ObjectNode) master.get("when")).deepCopy();
        long shift = start.toEpochSecond() - WhenValidator.start(w);
        switch (w.path("object").asText()) {
            case "time" -> w.put("time", w.get("time").asLong() + shift);
            case "timespan" -> {
                w.put("start_time", w.get("start_time").asLong() + shift);
                w.put("end_time", w.get("end_time").asLong() + shift);
            }
            case "date" -> w.put("date", start.toLocalDate().toString());
            case "datespan" -> {
                long days = ChronoUnit.DAYS.between(LocalDate.parse(w.get("start_date").asText()),
                        LocalDate.parse(w.get("end_date").asText()));
                w.put("start_date", start.toLocalDate().toString());
                w.put("end_date", start.toLocalDate().plusDays(days).toString());
            }
            default -> {
            }
        }
        o.set("when", w);
        return o;
    }

    private static boolean allDay(ObjectNode when) {
        String k = when.path("object").asText();
        return k.equals("date") || k.equals("datespan");
    }

    /** The first occurrence's start in the series' zone: all-day series at UTC midnight, as the emulator stores dates. */
    private static ZonedDateTime first(ObjectNode when) {
        if (allDay(when)) {
            return Instant.ofEpochSecond(WhenValidator.start(when)).atZone(ZoneOffset.UTC);
        }
        String tz = when.hasNonNull("start_timezone") ? when.get("start_timezone").asText()
                : when.hasNonNull("timezone") ? when.get("timezone").asText() : "UTC";
        return Instant.ofEpochSecond(WhenValidator.start(when)).atZone(ZoneId.of(tz));
    }

    private static ZonedDateTime parseStamp(String stamp, ZoneId zone) {
        try {
            if (stamp.length() == 8) {
                return LocalDate.parse(stamp, java.time.format.DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(zone);
            }
            if (stamp.length() == 16 && stamp.endsWith("Z")) {
                return java.time.LocalDateTime.parse(stamp.substring(0, 15),
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).atZone(ZoneOffset.UTC)
                        .withZoneSameInstant(zone);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }
}
