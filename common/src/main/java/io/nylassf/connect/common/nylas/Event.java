package io.nylassf.connect.common.nylas;

import com.fasterxml.jackson.databind.JsonNode;

/** A Nylas calendar event. */
public record Event(JsonNode json) implements NylasObject {
    public String calendarId() {
        return json.path("calendar_id").asText(null);
    }

    /** Last change (seconds); what {@code updated_after/before} filter on. */
    public Long updatedAt() {
        return NylasObject.seconds(json, "updated_at");
    }

    public boolean cancelled() {
        return isCancelled(json.path("status").asText(null));
    }

    /**
     * The one rule for an event's {@code status}: a cancelled event is a deleted one (Nylas keeps cancelled events,
     * and cancelled occurrences of a series, readable). Every reader of events asks here.
     */
    public static boolean isCancelled(String status) {
        return "cancelled".equalsIgnoreCase(status);
    }
}
