package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calendars and their events. Each calendar's events are sorted by start time then id. Every grant gets a
 * primary calendar; {@code primary} resolves to it. Metadata-only updates fire no webhook, as documented.
 */
final class EventStore {
    private static final Set<String> READ_ONLY = Set.of("id", "grant_id", "calendar_id", "object", "created_at",
            "updated_at");

    private final Map<String, Map<String, ObjectNode>> calendars = new ConcurrentHashMap<>();
    private final Map<String, String> primary = new ConcurrentHashMap<>();
    private final Map<String, SortedIndex> events = new ConcurrentHashMap<>();
    private final Clock clock;
    private final WebhookDispatcher hooks;

    EventStore(Clock clock, WebhookDispatcher hooks) {
        this.clock = clock;
        this.hooks = hooks;
    }

    long nowSeconds() {
        return clock.millis() / 1000;
    }

    void createPrimaryCalendar(ObjectNode grant) {
        String grantId = grant.get("id").asText();
        ObjectNode c = NylasJson.object();
        String id = grant.path("email").asText(NylasJson.newId());
        c.put("id", id);
        c.put("grant_id", grantId);
        c.put("object", "calendar");
        c.put("name", grant.path("email").asText());
        c.put("description", "");
        c.put("timezone", "UTC");
        c.put("is_primary", true);
        c.put("is_owned_by_user", true);
        c.put("read_only", false);
        c.put("hex_color", "#039be5");
        c.putObject("metadata");
        calendars.computeIfAbsent(grantId, g -> new ConcurrentHashMap<>()).put(id, c);
        primary.put(grantId, id);
    }

    List<ObjectNode> calendars(String grantId) {
        return new ArrayList<>(calendars.getOrDefault(grantId, Map.of()).values());
    }

    /** The calendar id {@code primary} or a real id stands for, or null if the grant has no such calendar. */
    String resolve(String grantId, String calendarId) {
        String id = "primary".equals(calendarId) ? primary.get(grantId) : calendarId;
        return id != null && calendars.getOrDefault(grantId, Map.of()).containsKey(id) ? id : null;
    }

    ObjectNode calendar(String grantId, String calendarId) {
        String id = resolve(grantId, calendarId);
        return id == null ? null : calendars.get(grantId).get(id);
    }

    SortedIndex index(String grantId, String calendarId) {
        return events.computeIfAbsent(grantId + "/" + calendarId, k -> new SortedIndex());
    }

    /** All events of a grant across its calendars. */
    List<ObjectNode> all(String grantId) {
        List<ObjectNode> out = new ArrayList<>();
        for (String cal : calendars.getOrDefault(grantId, Map.of()).keySet()) {
            out.addAll(index(grantId, cal).all());
        }
        return out;
    }

    ObjectNode create(ObjectNode grant, String calendarId, ObjectNode input, String rid) {
        long now = clock.millis() / 1000;
        ObjectNode when = WhenValidator.normalize(input.get("when"), rid);
        Recurrence.parse(input.get("recurrence"), rid);
        String grantId = grant.get("id").asText();
        ObjectNode e = NylasJson.object();
        String id = input.hasNonNull("id") ? input.get("id").asText() : NylasJson.newId();
        e.put("id", id);
        e.put("grant_id", grantId);
        e.put("calendar_id", calendarId);
        e.put("object", "event");
        e.put("title", input.path("title").asText(""));
        e.put("description", input.path("description").asText(""));
        e.put("location", input.path("location").asText(""));
        e.put("status", input.path("status").asText("confirmed"));
        e.put("busy", input.path("busy").asBoolean(true));
        if (input.get("organizer") instanceof ObjectNode org) {
            e.set("organizer", org.deepCopy());
        } else {
            e.putObject("organizer").put("email", grant.path("email").asText()).put("name", "");
        }
        var participants = e.putArray("participants");
        for (JsonNode p : input.path("participants")) {
            ObjectNode copy = ((ObjectNode) p).deepCopy();
            if (!copy.has("status")) {
                copy.put("status", "noreply");
            }
            participants.add(copy);
        }
        e.set("recurrence", input.has("recurrence") ? input.get("recurrence").deepCopy() : NylasJson.array());
        e.set("metadata", input.get("metadata") instanceof ObjectNode md ? md.deepCopy() : NylasJson.object());
        e.put("ical_uid", input.path("ical_uid").asText(id + "@nylas-emulator.local"));
        if (input.hasNonNull("master_event_id")) {
            e.put("master_event_id", input.get("master_event_id").asText());
        }
        e.put("html_link", "https://calendar.nylas-emulator.local/event?eid=" + id);
        e.put("created_at", now);
        e.put("updated_at", now);
        e.set("when", when);
        for (Map.Entry<String, JsonNode> f : input.properties()) {
            if (!e.has(f.getKey()) && !READ_ONLY.contains(f.getKey()) && !f.getKey().equals("notify_participants")) {
                e.set(f.getKey(), f.getValue().deepCopy()); // conferencing, reminders, visibility, ...
            }
        }
        index(grantId, calendarId).put(id, WhenValidator.start(when), e);
        hooks.publish("event.created", grant.path("provider").asText(), e);
        return e;
    }

    /** Replaces the given fields (nested objects whole), keeps the rest; null if the event does not exist. */
    ObjectNode update(ObjectNode grant, String calendarId, String id, ObjectNode changes, String rid) {
        String grantId = grant.get("id").asText();
        SortedIndex index = index(grantId, calendarId);
        ObjectNode updated;
        boolean metadataOnly = true;
        synchronized (index) {
            ObjectNode old = index.get(id);
            if (old == null) {
                old = occurrence(index, id); // editing one occurrence makes it an override
            }
            if (old == null) {
                return null;
            }
            if (changes.has("recurrence")) {
                Recurrence.parse(changes.get("recurrence"), rid);
            }
            updated = old.deepCopy();
            for (Map.Entry<String, JsonNode> f : changes.properties()) {
                String k = f.getKey();
                if (READ_ONLY.contains(k) || k.equals("notify_participants")) {
                    continue;
                }
                JsonNode v = k.equals("when") ? WhenValidator.normalize(f.getValue(), rid) : f.getValue().deepCopy();
                if (k.equals("metadata") && !v.isObject()) {
                    throw NylasErrors.badRequest(rid, "metadata must be an object.");
                }
                if (!k.equals("metadata") && !v.equals(old.get(k))) {
                    metadataOnly = false;
                }
                updated.set(k, v);
            }
            updated.put("updated_at", clock.millis() / 1000);
            index.put(id, WhenValidator.start(updated.get("when")), updated);
        }
        if (!metadataOnly) {
            hooks.publish("event.updated", grant.path("provider").asText(), updated);
        }
        return updated;
    }

    ObjectNode delete(ObjectNode grant, String calendarId, String id) {
        SortedIndex index = index(grant.get("id").asText(), calendarId);
        ObjectNode master;
        ObjectNode cancelled;
        synchronized (index) {
            ObjectNode stored = index.get(id);
            ObjectNode occurrence = stored != null && stored.hasNonNull("master_event_id") ? stored
                    : stored == null ? occurrence(index, id) : null;
            if (occurrence == null) {
                ObjectNode old = index.remove(id);
                if (old != null) {
                    if (SeriesExpander.isMaster(old)) { // the whole series goes, its overrides with it
                        index.all().stream().filter(e -> id.equals(e.path("master_event_id").asText(null)))
                                .forEach(e -> index.remove(e.get("id").asText()));
                    }
                    hooks.publish("event.deleted", grant.path("provider").asText(), old);
                }
                return old;
            }
            // one occurrence of a series: it stays readable as cancelled (show_cancelled=true), as Google
            // reports it, and the series changes, so its master's notification is the one sent
            long now = clock.millis() / 1000;
            cancelled = occurrence.deepCopy();
            cancelled.put("status", "cancelled");
            cancelled.put("updated_at", now);
            index.put(id, WhenValidator.start(cancelled.get("when")), cancelled);
            ObjectNode m = index.get(occurrence.get("master_event_id").asText());
            master = m == null ? null : m.deepCopy();
            if (master != null) {
                master.put("updated_at", now);
                index.put(master.get("id").asText(), WhenValidator.start(master.get("when")), master);
            }
        }
        if (master != null) {
            hooks.publish("event.updated", grant.path("provider").asText(), master);
        }
        return cancelled;
    }

    /** The generated occurrence {@code id} of a master in this index, or null. */
    static ObjectNode occurrence(SortedIndex index, String id) {
        int cut = id.lastIndexOf('_');
        if (cut <= 0) {
            return null;
        }
        ObjectNode master = index.get(id.substring(0, cut));
        return master == null || !SeriesExpander.isMaster(master) ? null : SeriesExpander.occurrence(master, id);
    }

    /**
     * The calendar's events as {@code expand_recurring=true} lists them: single events and overrides as stored,
     * each master replaced by its occurrences overlapping {@code [from, to)} that have no stored override.
     * Null when the calendar has no master (then the stored index is the answer, at no cost).
     */
    static SortedIndex expanded(SortedIndex stored, long from, long to) {
        List<ObjectNode> all = stored.all();
        if (all.stream().noneMatch(SeriesExpander::isMaster)) {
            return null;
        }
        SortedIndex out = new SortedIndex();
        for (ObjectNode e : all) {
            if (!SeriesExpander.isMaster(e)) {
                out.put(e.get("id").asText(), WhenValidator.start(e.get("when")), e);
            }
        }
        for (ObjectNode e : all) {
            if (SeriesExpander.isMaster(e)) {
                for (ObjectNode o : SeriesExpander.occurrences(e, from, to)) {
                    String id = o.get("id").asText();
                    if (stored.get(id) == null) {
                        out.put(id, WhenValidator.start(o.get("when")), o);
                    }
                }
            }
        }
        return out;
    }
}
