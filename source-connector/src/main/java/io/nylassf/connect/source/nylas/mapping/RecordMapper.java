package io.nylassf.connect.source.nylas.mapping;

import io.nylassf.connect.common.nylas.Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.connect.common.schema.NylasSchemas;
import org.apache.kafka.connect.data.Struct;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure mapping from Nylas JSON to the {@link NylasSchemas} contract: one method per object type, plus deletes
 * (identity and envelope only) and grant status. Nylas seconds become Connect Timestamps; missing or mistyped
 * fields become nulls rather than failures, so one odd object never stops a grant.
 */
public final class RecordMapper {
    /** Filled by the envelope, or (body) by the body policy. */
    private static final Set<String> NOT_READ = Set.of(NylasSchemas.CHANGE_TYPE, NylasSchemas.MODIFIED_AT,
            NylasSchemas.OBSERVED_VIA, NylasSchemas.OBSERVED_AT, "body", "body_truncated", NylasSchemas.GRANT_EMAIL);
    private static final JsonStructReader READER = new JsonStructReader(NOT_READ,
            Map.of("when", RecordMapper::when, "groups", RecordMapper::groups));

    private final BodyPolicy bodyPolicy;

    public RecordMapper(BodyPolicy bodyPolicy) {
        this.bodyPolicy = bodyPolicy;
    }

    public Struct key(String grantId, String object, String id) {
        return new Struct(NylasSchemas.KEY).put("grant_id", grantId).put("object", object).put("id", id);
    }

    // ---- messages ----

    public Struct message(JsonNode m, String changeType, String via, Instant observedAt) {
        Struct s = READER.read(m, NylasSchemas.MESSAGE);
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
        Struct s = READER.read(e, NylasSchemas.EVENT);
        return envelope(s, changeType, timestamp(e, "updated_at"), via, observedAt);
    }

    public Struct eventDeleted(String grantId, String calendarId, String id, Instant modifiedAt, String via,
                               Instant observedAt) {
        Struct s = new Struct(NylasSchemas.EVENT).put("grant_id", grantId).put("id", id).put("calendar_id", calendarId);
        return envelope(s, NylasSchemas.DELETED, date(modifiedAt), via, observedAt);
    }

    /** created when the event was never updated after creation, deleted when cancelled, updated otherwise. */
    public static String eventChangeType(JsonNode e) {
        JsonNode created = e.get("created_at");
        JsonNode updated = e.get("updated_at");
        boolean neverUpdated = created != null && updated != null && created.asLong() == updated.asLong();
        return eventChangeType(e, neverUpdated ? NylasSchemas.CREATED : NylasSchemas.UPDATED);
    }

    /**
     * The change type of an event record, decided here for every reader: deleted when the event is cancelled, else
     * {@code notCancelled} (what the caller knows of the change: created or updated).
     */
    public static String eventChangeType(JsonNode e, String notCancelled) {
        return new Event(e).cancelled() ? NylasSchemas.DELETED : notCancelled;
    }

    // ---- contacts ----

    /**
     * A contact as read. Nylas documents no modified time for contacts, so the caller says when the change was
     * seen: a notification's time, or the scan that found the content changed; null when unknown (a first scan
     * re-sending what it has no previous content to compare with), which leaves ordering to the sink's value
     * comparison.
     */
    public Struct contact(JsonNode c, String changeType, Instant changedAt, String via, Instant observedAt) {
        Struct s = READER.read(c, NylasSchemas.CONTACT);
        return envelope(s, changeType, date(changedAt), via, observedAt);
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
        return JsonStructReader.text(n == null ? null : n.get(field));
    }

    /** Nylas seconds → Connect Timestamp. */
    static Date timestamp(JsonNode n, String field) {
        return JsonStructReader.timestamp(n == null ? null : n.get(field));
    }

    private static List<String> groups(JsonNode a) {
        if (a == null || !a.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>(a.size());
        a.forEach(g -> out.add(g.isObject() ? g.path("id").asText() : g.asText()));
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
        return JsonStructReader.nested(((ObjectNode) w).deepCopy().put("object", object), NylasSchemas.WHEN);
    }
}
