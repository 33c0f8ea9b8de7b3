package io.nylassf.connect.sink.salesforce.record;

import io.nylassf.connect.common.nylas.Event;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Nylas calendar event as the sink reads it. {@code masterEventId}: the series an occurrence belongs to
 * ({@code master_event_id}); {@code seriesMaster}: the event is a series' master (it carries the {@code recurrence}
 * rule; each occurrence is an event of its own).
 */
public record NylasEvent(String grantId, String id, boolean deleted, Instant modifiedAt, String calendarId,
                         String title, String description, String location, String status, Boolean busy,
                         Participant organizer, List<Participant> participants, When when,
                         Map<String, String> metadata, String icalUid, String htmlLink, String masterEventId,
                         boolean seriesMaster) implements NylasRecord {

    /** A single event (not part of a recurring series). */
    public NylasEvent(String grantId, String id, boolean deleted, Instant modifiedAt, String calendarId, String title,
                      String description, String location, String status, Boolean busy, Participant organizer,
                      List<Participant> participants, When when, Map<String, String> metadata, String icalUid,
                      String htmlLink) {
        this(grantId, id, deleted, modifiedAt, calendarId, title, description, location, status, busy, organizer,
                participants, when, metadata, icalUid, htmlLink, null, false);
    }

    /**
     * Nylas' polymorphic {@code when}: {@code time} (a moment), {@code timespan} (start/end instants with their
     * time zones), {@code date} (an all-day date) or {@code datespan} (all-day dates).
     */
    public record When(String kind, Instant start, Instant end, String startTimezone, String endTimezone,
                       LocalDate startDate, LocalDate endDate) {
    }

    /** Whether the event is gone from the calendar: deleted, or cancelled (a cancelled event is a deleted one). */
    public boolean removed() {
        return deleted || Event.isCancelled(status);
    }

    @Override
    public Map<String, String> attributes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("grant_id", grantId);
        m.put("calendar_id", calendarId);
        m.put("title", title);
        m.put("description", description);
        m.put("location", location);
        m.put("status", status);
        m.put("ical_uid", icalUid);
        m.put("html_link", htmlLink);
        m.put("organizer_email", organizer == null ? null : organizer.email());
        return m;
    }
}
