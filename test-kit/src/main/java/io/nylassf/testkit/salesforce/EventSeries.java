package io.nylassf.testkit.salesforce;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Salesforce does when a recurring Event (the series master, {@code IsRecurrence = true}) is created: it
 * stores each occurrence as an Event of its own whose {@code RecurrenceActivityId} is the master, at the master's
 * time of day on each day of the pattern from {@code RecurrenceStartDateTime} to {@code RecurrenceEndDateOnly}
 * (at most 100). The pattern fields are then required. Implemented: {@code RecursDaily}, {@code RecursEveryWeekday}
 * and {@code RecursWeekly} ({@code RecurrenceDayOfWeekMask}: Sunday 1, Monday 2, ... Saturday 64) with
 * {@code RecurrenceInterval}; another type is refused naming it rather than stored wrong.
 */
final class EventSeries {
    static final int MAX_OCCURRENCES = 100;
    private static final List<String> COPIED = List.of("Subject", "Description", "Location", "ShowAs", "WhoId",
            "WhatId", "OwnerId", "IsAllDayEvent", "DurationInMinutes");

    private EventSeries() {
    }

    static boolean isMaster(Map<String, Object> row) {
        return Boolean.TRUE.equals(row.get("IsRecurrence"));
    }

    /** The occurrence rows (without system fields) of master {@code row} whose id is {@code masterId}. */
    static List<Map<String, Object>> occurrences(Map<String, Object> row, String masterId) {
        Instant start = require(row, "RecurrenceStartDateTime") instanceof Instant i ? i : null;
        LocalDate end = require(row, "RecurrenceEndDateOnly") instanceof LocalDate d ? d : null;
        String type = (String) require(row, "RecurrenceType");
        int interval = row.get("RecurrenceInterval") instanceof Number n ? Math.max(1, n.intValue()) : 1;
        ZoneId zone = row.get("RecurrenceTimeZoneSidKey") instanceof String z ? ZoneId.of(z) : ZoneOffset.UTC;
        Instant masterStart = row.get("StartDateTime") instanceof Instant s ? s : start;
        long minutes = row.get("DurationInMinutes") instanceof Number n ? n.longValue()
                : row.get("EndDateTime") instanceof Instant e && masterStart != null
                ? Duration.between(masterStart, e).toMinutes() : 0;
        LocalTime at = masterStart.atZone(zone).toLocalTime();
        LocalDate first = start.atZone(zone).toLocalDate();
        int mask = row.get("RecurrenceDayOfWeekMask") instanceof Number n ? n.intValue() : 0;
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(end) && days.size() < MAX_OCCURRENCES; d = d.plusDays(1)) {
            long daysIn = d.toEpochDay() - first.toEpochDay();
            boolean on = switch (type) {
                case "RecursDaily" -> daysIn % interval == 0;
                case "RecursEveryWeekday" -> d.getDayOfWeek() != DayOfWeek.SATURDAY
                        && d.getDayOfWeek() != DayOfWeek.SUNDAY;
                case "RecursWeekly" -> {
                    if (mask == 0) {
                        throw SalesforceException.of(400, "REQUIRED_FIELD_MISSING",
                                "Required fields are missing: [RecurrenceDayOfWeekMask]", "RecurrenceDayOfWeekMask");
                    }
                    long week = Math.floorDiv(d.toEpochDay() + 4, 7) - Math.floorDiv(first.toEpochDay() + 4, 7);
                    yield week % interval == 0 && (mask & bit(d.getDayOfWeek())) != 0;
                }
                default -> throw SalesforceException.of(400, "FIELD_INTEGRITY_EXCEPTION",
                        "The emulator does not implement RecurrenceType " + type, "RecurrenceType");
            };
            if (on) {
                days.add(d);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (LocalDate d : days) {
            Map<String, Object> o = new java.util.LinkedHashMap<>();
            for (String f : COPIED) {
                o.put(f, row.get(f));
            }
            Instant s = d.atTime(at).atZone(zone).toInstant();
            o.put("StartDateTime", s);
            o.put("EndDateTime", s.plus(Duration.ofMinutes(minutes)));
            o.put("ActivityDate", d);
            o.put("DurationInMinutes", (int) minutes);
            o.put("IsRecurrence", false);
            o.put("RecurrenceActivityId", masterId);
            out.add(o);
        }
        return out;
    }

    /** Sunday 1, Monday 2, Tuesday 4, ... Saturday 64. */
    private static int bit(DayOfWeek d) {
        return 1 << (d.getValue() % 7);
    }

    private static Object require(Map<String, Object> row, String field) {
        Object v = row.get(field);
        if (v == null) {
            throw SalesforceException.of(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [" + field
                    + "]", field);
        }
        return v;
    }
}
