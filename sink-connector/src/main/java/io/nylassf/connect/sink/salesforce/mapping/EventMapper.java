package io.nylassf.connect.sink.salesforce.mapping;

import io.nylassf.connect.sink.salesforce.record.NylasEvent;
import io.nylassf.connect.sink.salesforce.record.Participant;
import io.nylassf.connect.sink.record.RecordDecodeException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Nylas event → Salesforce Event (pure). */
public final class EventMapper {
    public static final String NO_TITLE = "(no title)";
    public static final String CANCELLED_PREFIX = "Cancelled: ";

    /** Salesforce's time fields for one {@code when}. All-day dates are midnight GMT, as Salesforce stores them. */
    public record Times(Instant start, Instant end, boolean allDay, LocalDate activityDate) {
    }

    private final FieldMapping mapping;

    public EventMapper(FieldMapping mapping) {
        this.mapping = mapping;
    }

    public FieldMapping mapping() {
        return mapping;
    }

    /**
     * From every {@code when} variant: {@code time} (a moment: start = end), {@code timespan} (absolute instants:
     * their time zones do not move them), {@code date} (one all-day date) and {@code datespan} (all-day dates;
     * {@code end_date} is the day after the last day, as Google and Microsoft report it and Nylas passes on, so
     * 11–12 July is one day). A date stays the calendar date whatever the zone. Salesforce's all-day
     * {@code EndDateTime} is on the last day.
     */
    public static Times times(NylasEvent.When w) {
        if (w == null || w.kind() == null) {
            throw new RecordDecodeException("MISSING_WHEN", "the event has no 'when'");
        }
        switch (w.kind()) {
            case "time" -> {
                require(w.start(), "when.time");
                return new Times(w.start(), w.start(), false, null);
            }
            case "timespan" -> {
                require(w.start(), "when.start_time");
                Instant end = w.end() == null || w.end().isBefore(w.start()) ? w.start() : w.end();
                return new Times(w.start(), end, false, null);
            }
            case "date" -> {
                require(w.startDate(), "when.date");
                return new Times(midnight(w.startDate()), midnight(w.startDate()), true, w.startDate());
            }
            case "datespan" -> {
                require(w.startDate(), "when.start_date");
                LocalDate end = w.endDate();
                LocalDate last = end == null || !end.isAfter(w.startDate()) ? w.startDate() : end.minusDays(1);
                return new Times(midnight(w.startDate()), midnight(last), true, w.startDate());
            }
            default -> throw new RecordDecodeException("UNKNOWN_WHEN", "unsupported when.object '" + w.kind() + "'");
        }
    }

    private static Instant midnight(LocalDate d) {
        return d.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static void require(Object v, String what) {
        if (v == null) {
            throw new RecordDecodeException("MISSING_WHEN", "the event has no " + what);
        }
    }

    /** Candidate emails for {@code WhoId}: participants in order, then the organizer, minus internal addresses. */
    public static List<String> attendeeEmails(NylasEvent e, Set<String> internalDomains) {
        Set<String> out = new LinkedHashSet<>();
        List<Participant> all = new ArrayList<>(e.participants());
        if (e.organizer() != null) {
            all.add(e.organizer());
        }
        for (Participant p : all) {
            String d = DomainNormalizer.ofEmail(p.email());
            if (p.email() != null && (d == null || !internalDomains.contains(d))) {
                out.add(p.email());
            }
        }
        return new ArrayList<>(out);
    }

    public Map<String, Object> event(NylasEvent e, String whoId, String whatId) {
        Times t = times(e.when());
        Map<String, Object> out = mapping.apply("Event", e.attributes());
        out.putIfAbsent("Subject", NO_TITLE);
        out.put("StartDateTime", SfValues.dateTime(t.start()));
        out.put("EndDateTime", SfValues.dateTime(t.end()));
        out.put("IsAllDayEvent", t.allDay());
        if (t.allDay()) {
            out.put("ActivityDate", SfValues.date(t.activityDate()));
        }
        out.put("ShowAs", Boolean.FALSE.equals(e.busy()) ? "Free" : "Busy");
        if (whoId != null) {
            out.put("WhoId", whoId);
        }
        if (whatId != null) {
            out.put("WhatId", whatId);
        }
        return out;
    }

    /** The change that marks a cancelled or deleted event instead of deleting it. */
    public static Map<String, Object> cancellation(Object currentSubject) {
        String s = currentSubject == null ? NO_TITLE : currentSubject.toString();
        Map<String, Object> out = new LinkedHashMap<>();
        if (!s.startsWith(CANCELLED_PREFIX)) {
            out.put("Subject", FieldLimits.truncate(CANCELLED_PREFIX + s, 255));
        }
        out.put("ShowAs", "Free");
        return out;
    }
}
