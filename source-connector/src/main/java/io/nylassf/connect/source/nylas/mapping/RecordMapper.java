package io.nylassf.connect.source.nylas.mapping;

import io.nylassf.connect.common.nylas.Event;
import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.schema.NylasSchemas;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure mapping from Nylas JSON to the {@link NylasSchemas} contract: one method per object type, plus deletes
 * (identity and envelope only) and grant status. Nylas seconds become Connect Timestamps; missing or mistyped
 * fields become nulls rather than failures, so one odd object never stops a grant.
 */
public final class RecordMapper {
    private final BodyPolicy bodyPolicy;

    public RecordMapper(BodyPolicy bodyPolicy) {
        this.bodyPolicy = bodyPolicy;
    }

    public Struct key(String grantId, String object, String id) {
        return new Struct(NylasSchemas.KEY).put("grant_id", grantId).put("object", object).put("id", id);
    }

    // ---- messages ----

    public Struct message(JsonNode m, String changeType, String via, Instant observedAt) {
        Struct s = new Struct(NylasSchemas.MESSAGE)
                .put("grant_id", m.path("grant_id").asText())
                .put("id", m.path("id").asText())
                .put("thread_id", text(m, "thread_id"))
                .put("subject", text(m, "subject"))
                .put("from", participants(m.get("from")))
                .put("to", participants(m.get("to")))
                .put("cc", participants(m.get("cc")))
                .put("bcc", participants(m.get("bcc")))
                .put("reply_to", participants(m.get("reply_to")))
                .put("date", timestamp(m, "date"))
                .put("snippet", text(m, "snippet"))
                .put("unread", bool(m, "unread"))
                .put("starred", bool(m, "starred"))
                .put("folders", strings(m.get("folders")))
                .put("headers", headers(m.get("headers")))
                .put("metadata", metadata(m.get("metadata")))
                .put("created_at", timestamp(m, "created_at"));
        BodyPolicy.Result body = bodyPolicy.apply(text(m, "body"));
        s.put("body", body.body()).put("body_truncated", body.truncated());
        return envelope(s, changeType, timestamp(m, "date"), via, observedAt);
    }

    public Struct messageDeleted(String grantId, String id, Instant modifiedAt, String via, Instant observedAt) {
        Struct s = new Struct(NylasSchemas.MESSAGE).put("grant_id", grantId).put("id", id);
        return envelope(s, NylasSchemas.DELETED, date(modifiedAt), via, observedAt);
    }

    // ---- events ----

    public Struct event(JsonNode e, String changeType, String via, Instant observedAt) {
        Struct s = new Struct(NylasSchemas.EVENT)
                .put("grant_id", e.path("grant_id").asText())
                .put("id", e.path("id").asText())
                .put("calendar_id", text(e, "calendar_id"))
                .put("title", text(e, "title"))
                .put("description", text(e, "description"))
                .put("location", text(e, "location"))
                .put("status", text(e, "status"))
                .put("busy", bool(e, "busy"))
                .put("organizer", participant(e.get("organizer")))
                .put("participants", participants(e.get("participants")))
                .put("when", when(e.get("when")))
                .put("recurrence", strings(e.get("recurrence")))
                .put("ical_uid", text(e, "ical_uid"))
                .put("master_event_id", text(e, "master_event_id"))
                .put("html_link", text(e, "html_link"))
                .put("metadata", metadata(e.get("metadata")))
                .put("created_at", timestamp(e, "created_at"))
                .put("updated_at", timestamp(e, "updated_at"));
        return envelope(s, changeType, timestamp(e, "updated_at"), via, observedAt);
    }

    public Struct eventDeleted(String grantId, String calendarId, String id, Instant modifiedAt, String via,
                               Instant observedAt) {
        Struct s = new Struct(NylasSchemas.EVENT).put("grant_id", grantId).put("id", id).put("calendar_id", calendarId);
        return envelope(s, NylasSchemas.DELETED, date(modifiedAt), via, observedAt);
    }

    /** created when the event was never updated after creation, deleted when cancelled, updated otherwise. */
    public static String eventChangeType(JsonNode e) {
        if (new Event(e).cancelled()) {
            return NylasSchemas.DELETED;
        }
        JsonNode created = e.get("created_at");
        JsonNode updated = e.get("updated_at");
        if (created != null && updated != null && created.asLong() == updated.asLong()) {
            return NylasSchemas.CREATED;
        }
        return NylasSchemas.UPDATED;
    }

    // ---- contacts ----

    public Struct contact(JsonNode c, String changeType, String via, Instant observedAt) {
        Struct s = new Struct(NylasSchemas.CONTACT)
                .put("grant_id", c.path("grant_id").asText())
                .put("id", c.path("id").asText())
                .put("given_name", text(c, "given_name"))
                .put("middle_name", text(c, "middle_name"))
                .put("surname", text(c, "surname"))
                .put("nickname", text(c, "nickname"))
                .put("emails", typedList(c.get("emails"), NylasSchemas.EMAIL, "email", "type"))
                .put("phone_numbers", typedList(c.get("phone_numbers"), NylasSchemas.PHONE, "number", "type"))
                .put("physical_addresses", typedList(c.get("physical_addresses"), NylasSchemas.ADDRESS, "type",
                        "street_address", "city", "state", "postal_code", "country"))
                .put("company_name", text(c, "company_name"))
                .put("job_title", text(c, "job_title"))
                .put("manager_name", text(c, "manager_name"))
                .put("office_location", text(c, "office_location"))
                .put("notes", text(c, "notes"))
                .put("birthday", text(c, "birthday"))
                .put("groups", groups(c.get("groups")))
                .put("source", text(c, "source"));
        return envelope(s, changeType, timestamp(c, "updated_at"), via, observedAt);
    }

    public Struct contactDeleted(String grantId, String id, Instant modifiedAt, String via, Instant observedAt) {
        Struct s = new Struct(NylasSchemas.CONTACT).put("grant_id", grantId).put("id", id);
        return envelope(s, NylasSchemas.DELETED, date(modifiedAt), via, observedAt);
    }

    // ---- grants ----

    public Struct grantStatus(String grantId, String status, String email, String provider, String reason,
                              String via, Instant observedAt) {
        return new Struct(NylasSchemas.GRANT_STATUS)
                .put("grant_id", grantId)
                .put("status", status)
                .put("email", email)
                .put("provider", provider)
                .put("reason", reason)
                .put(NylasSchemas.OBSERVED_VIA, via)
                .put(NylasSchemas.OBSERVED_AT, Date.from(observedAt));
    }

    // ---- helpers ----

    private static Struct envelope(Struct s, String changeType, Date modifiedAt, String via, Instant observedAt) {
        s.put(NylasSchemas.CHANGE_TYPE, changeType)
                .put(NylasSchemas.MODIFIED_AT, modifiedAt)
                .put(NylasSchemas.OBSERVED_VIA, via)
                .put(NylasSchemas.OBSERVED_AT, Date.from(observedAt));
        s.validate();
        return s;
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }

    private static Boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isBoolean() ? null : v.asBoolean();
    }

    /** Nylas seconds → Connect Timestamp. */
    static Date timestamp(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.canConvertToLong() || !(v.isNumber() || v.isTextual())) {
            return null;
        }
        return new Date(v.asLong() * 1000L);
    }

    private static List<String> strings(JsonNode a) {
        if (a == null || !a.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>(a.size());
        a.forEach(v -> out.add(v.isValueNode() ? v.asText() : v.toString()));
        return out;
    }

    private static List<String> groups(JsonNode a) {
        if (a == null || !a.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>(a.size());
        a.forEach(g -> out.add(g.isObject() ? g.path("id").asText() : g.asText()));
        return out;
    }

    private static Struct participant(JsonNode p) {
        if (p == null || !p.isObject()) {
            return null;
        }
        return new Struct(NylasSchemas.PARTICIPANT)
                .put("name", text(p, "name"))
                .put("email", text(p, "email"))
                .put("status", text(p, "status"));
    }

    private static List<Struct> participants(JsonNode a) {
        if (a == null || !a.isArray()) {
            return null;
        }
        List<Struct> out = new ArrayList<>(a.size());
        a.forEach(p -> {
            Struct s = participant(p);
            if (s != null) {
                out.add(s);
            }
        });
        return out;
    }

    private static List<Struct> headers(JsonNode a) {
        if (a == null || !a.isArray()) {
            return null;
        }
        List<Struct> out = new ArrayList<>(a.size());
        a.forEach(h -> {
            String name = text(h, "name");
            if (name != null) {
                out.add(new Struct(NylasSchemas.HEADER).put("name", name).put("value", text(h, "value")));
            }
        });
        return out;
    }

    private static Map<String, String> metadata(JsonNode o) {
        if (o == null || !o.isObject()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        o.properties().forEach(e -> out.put(e.getKey(),
                e.getValue().isNull() ? null : e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }

    private static List<Struct> typedList(JsonNode a, Schema schema, String... fields) {
        if (a == null || !a.isArray()) {
            return null;
        }
        List<Struct> out = new ArrayList<>(a.size());
        a.forEach(item -> {
            if (item.isObject()) {
                Struct s = new Struct(schema);
                for (String f : fields) {
                    s.put(f, text(item, f));
                }
                out.add(s);
            }
        });
        return out;
    }

    private static Struct when(JsonNode w) {
        if (w == null || !w.isObject()) {
            return null;
        }
        String object = text(w, "object");
        if (object == null) {
            object = w.has("start_time") ? "timespan" : w.has("time") ? "time" : w.has("start_date") ? "datespan"
                    : w.has("date") ? "date" : "unknown";
        }
        return new Struct(NylasSchemas.WHEN)
                .put("object", object)
                .put("time", timestamp(w, "time"))
                .put("timezone", text(w, "timezone"))
                .put("start_time", timestamp(w, "start_time"))
                .put("end_time", timestamp(w, "end_time"))
                .put("start_timezone", text(w, "start_timezone"))
                .put("end_timezone", text(w, "end_timezone"))
                .put("date", text(w, "date"))
                .put("start_date", text(w, "start_date"))
                .put("end_date", text(w, "end_date"));
    }
}
