package io.nylassf.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.salesforce.SalesforceEmulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether every round trip closed exactly once: each outbound Task sent once, and the sent message, read back
 * inbound, linked to that Task (it carries the message's id) and to no other record; each Salesforce meeting
 * written to one calendar once, and the calendar event, read back, linked to that Event and to no other.
 */
record LoopLedger(int tasks, int tasksSentOnce, int tasksSentTwice, int tasksLinked, int otherTasksForSends,
                  int meetings, int meetingsWrittenOnce, int meetingsWrittenTwice, int meetingsLinked,
                  int otherEventsForWrites) {

    static LoopLedger read(NylasEmulator nylas, SalesforceEmulator salesforce, List<String> grants,
                           List<String> taskIds, List<String> meetingIds) {
        Map<String, List<String>> sends = new HashMap<>();
        Map<String, List<String>> writes = new HashMap<>();
        for (String g : grants) {
            for (JsonNode s : nylas.sentMessages(g)) {
                tag(s).ifPresent(t -> sends.computeIfAbsent(t, k -> new ArrayList<>())
                        .add(s.path("id").asText()));
            }
            for (JsonNode e : nylas.events(g)) {
                tag(e).ifPresent(t -> writes.computeIfAbsent(t, k -> new ArrayList<>())
                        .add(e.path("id").asText()));
            }
        }
        Map<String, List<String>> tasksByMessage = byField(salesforce, "Task", "Nylas_Message_Id__c");
        Map<String, List<String>> eventsByNylasEvent = byField(salesforce, "Event", "Nylas_Event_Id__c");
        Trips t = Trips.count(taskIds, sends, tasksByMessage);
        Trips m = Trips.count(meetingIds, writes, eventsByNylasEvent);
        return new LoopLedger(taskIds.size(), t.once(), t.twice(), t.linked(), t.others(), meetingIds.size(),
                m.once(), m.twice(), m.linked(), m.others());
    }

    /**
     * For Salesforce records that went out: how many were written to Nylas once and more than once, how many of
     * their Nylas copies link back to exactly them, and how many other Salesforce records claim those copies.
     */
    private record Trips(int once, int twice, int linked, int others) {
        static Trips count(List<String> ids, Map<String, List<String>> copiesById,
                           Map<String, List<String>> holdersByCopy) {
            int once = 0;
            int twice = 0;
            int linked = 0;
            int others = 0;
            for (String id : ids) {
                List<String> copies = copiesById.getOrDefault(id, List.of());
                once += copies.size() == 1 ? 1 : 0;
                twice += copies.size() > 1 ? 1 : 0;
                for (String copy : copies) {
                    List<String> holders = holdersByCopy.getOrDefault(copy, List.of());
                    linked += holders.equals(List.of(id)) ? 1 : 0;
                    others += (int) holders.stream().filter(h -> !h.equals(id)).count();
                }
            }
            return new Trips(once, twice, linked, others);
        }
    }

    /** Every Task sent once and linked once, every meeting written once and linked once, nothing else. */
    boolean closed() {
        return tasksSentOnce == tasks && tasksLinked == tasks && otherTasksForSends == 0 && tasksSentTwice == 0
                && meetingsWrittenOnce == meetings && meetingsLinked == meetings && otherEventsForWrites == 0
                && meetingsWrittenTwice == 0;
    }

    private static Optional<String> tag(JsonNode item) {
        String tag = item.path("metadata").path("key1").asText("");
        return tag.startsWith("sf:") ? Optional.of(tag.substring(3)) : Optional.empty();
    }

    private static Map<String, List<String>> byField(SalesforceEmulator salesforce, String sobject, String field) {
        Map<String, List<String>> out = new HashMap<>();
        for (Map<String, Object> r : salesforce.org().all(sobject)) {
            if (r.get(field) != null) {
                out.computeIfAbsent(r.get(field).toString(), k -> new ArrayList<>())
                        .add((String) r.get("Id"));
            }
        }
        return out;
    }
}
