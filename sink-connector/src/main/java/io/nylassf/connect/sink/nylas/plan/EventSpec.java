package io.nylassf.connect.sink.nylas.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;

/**
 * A calendar event as the planner wants it. Times are either a timespan (epoch seconds) or all-day dates from
 * {@code startDate} to {@code endDate}, the last day (inclusive, as Salesforce has it).
 */
public record EventSpec(String title, String description, String location, Long startSec, Long endSec,
                        LocalDate startDate, LocalDate endDate, List<String> participants) {

    public boolean allDay() {
        return startDate != null;
    }

    /**
     * Nylas {@code when}: {@code timespan}, {@code date} for one day, or {@code datespan}, whose {@code end_date}
     * is the day after the last day (the providers' exclusive end, which Nylas passes on).
     */
    public ObjectNode when() {
        ObjectNode w = JsonNodeFactory.instance.objectNode();
        if (allDay()) {
            if (endDate == null || !endDate.isAfter(startDate)) {
                w.put("object", "date").put("date", startDate.toString());
            } else {
                w.put("object", "datespan").put("start_date", startDate.toString())
                        .put("end_date", endDate.plusDays(1).toString());
            }
        } else {
            w.put("object", "timespan").put("start_time", startSec).put("end_time", endSec);
        }
        return w;
    }

    /** The fields Salesforce owns on an existing event (everything but the times). */
    public ObjectNode details() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("title", title == null ? "" : title);
        if (description != null) {
            n.put("description", description);
        }
        if (location != null) {
            n.put("location", location);
        }
        if (participants != null && !participants.isEmpty()) {
            var arr = n.putArray("participants");
            participants.forEach(p -> arr.addObject().put("email", p));
        }
        return n;
    }
}
