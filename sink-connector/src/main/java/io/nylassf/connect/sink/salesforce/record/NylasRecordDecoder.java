package io.nylassf.connect.sink.salesforce.record;

import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.common.time.Timestamps;
import io.nylassf.connect.sink.record.Fields;
import io.nylassf.connect.sink.record.RecordDecodeException;
import org.apache.kafka.connect.sink.SinkRecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Map;

/**
 * Reads a sink record's value (a {@link NylasSchemas} Struct, or a schemaless map with the same field names) into
 * a typed view. The object type comes from the schema name, else the value's or key's {@code object} field,
 * else the topic name (containing "contact", "message" or "event"). Unreadable records throw
 * {@link RecordDecodeException}.
 */
public final class NylasRecordDecoder {
    public enum Type { CONTACT, MESSAGE, EVENT, GRANT }

    /**
     * Nylas object ids are opaque (Microsoft's are long and base64-like), but never blank, never longer than the
     * 255 characters the Salesforce external-ID fields hold, and never contain whitespace or control characters.
     */
    private static final Pattern NYLAS_ID = Pattern.compile("[^\\s\\p{Cntrl}]{1,255}");

    public NylasRecord decode(SinkRecord record) {
        Fields v = Fields.of(record.value());
        if (v == null) {
            throw new RecordDecodeException(record.value() == null ? "NULL_VALUE" : "UNSUPPORTED_VALUE",
                    "record value must be a Struct or a map" + (record.value() == null ? " (tombstone)" : ", not "
                            + record.value().getClass().getSimpleName()));
        }
        Type type = type(record, v);
        if (type == Type.GRANT) {
            return grantStatus(v);
        }
        String id = v.str("id");
        if (id == null) {
            throw new RecordDecodeException("MISSING_ID", "the record has no 'id'");
        }
        if (!NYLAS_ID.matcher(id).matches()) {
            throw new RecordDecodeException("INVALID_ID", "'" + (id.length() > 40 ? id.substring(0, 40) + "…" : id)
                    + "' (" + id.length() + " characters) is not a Nylas object id");
        }
        return switch (type) {
            case CONTACT -> contact(v);
            case MESSAGE -> message(v);
            case EVENT -> event(v);
            case GRANT -> grantStatus(v);
        };
    }

    /** A {@code nylas.grants} status record (it names the grant by {@code grant_id}, not {@code id}). */
    static NylasGrantStatus grantStatus(Fields v) {
        String grant = v.str("grant_id");
        if (grant == null || !NYLAS_ID.matcher(grant).matches()) {
            throw new RecordDecodeException("MISSING_ID", "the grant status record has no valid 'grant_id'");
        }
        String status = v.str("status");
        String email = v.str("email");
        return new NylasGrantStatus(grant, status == null ? null : status.toLowerCase(Locale.ROOT),
                email == null ? null : email.trim().toLowerCase(Locale.ROOT), v.str("reason"),
                v.time(NylasSchemas.OBSERVED_AT));
    }

    static Type type(SinkRecord record, Fields v) {
        if (record.valueSchema() != null && record.valueSchema().name() != null) {
            String n = record.valueSchema().name();
            if (n.equals(NylasSchemas.CONTACT.name())) {
                return Type.CONTACT;
            }
            if (n.equals(NylasSchemas.MESSAGE.name())) {
                return Type.MESSAGE;
            }
            if (n.equals(NylasSchemas.EVENT.name())) {
                return Type.EVENT;
            }
            if (n.equals(NylasSchemas.GRANT_STATUS.name())) {
                return Type.GRANT;
            }
        }
        Type t = fromWord(v.str("object"));
        if (t == null) {
            Fields key = Fields.of(record.key());
            t = key == null ? null : fromWord(key.str("object"));
        }
        if (t == null) {
            t = fromWord(record.topic());
        }
        if (t == null) {
            throw new RecordDecodeException("UNKNOWN_OBJECT_TYPE", "cannot tell whether the record on topic '"
                    + record.topic() + "' is a contact, message or event (no schema name, 'object' field or topic hint)");
        }
        return t;
    }

    private static Type fromWord(String s) {
        if (s == null) {
            return null;
        }
        String l = s.toLowerCase(Locale.ROOT);
        if (l.contains("contact")) {
            return Type.CONTACT;
        }
        if (l.contains("message") || l.contains("email")) {
            return Type.MESSAGE;
        }
        if (l.contains("event")) {
            return Type.EVENT;
        }
        return l.contains("grant") ? Type.GRANT : null;
    }

    private static boolean deleted(Fields v) {
        return NylasSchemas.DELETED.equalsIgnoreCase(v.str(NylasSchemas.CHANGE_TYPE));
    }

    static NylasContact contact(Fields v) {
        List<NylasContact.Typed> emails = new ArrayList<>();
        for (Fields e : v.list("emails")) {
            String email = e.str("email");
            if (email != null && !email.isBlank()) {
                emails.add(new NylasContact.Typed(email.trim().toLowerCase(Locale.ROOT), e.str("type")));
            }
        }
        List<NylasContact.Typed> phones = new ArrayList<>();
        for (Fields p : v.list("phone_numbers")) {
            String n = p.str("number");
            if (n != null && !n.isBlank()) {
                phones.add(new NylasContact.Typed(n.trim(), p.str("type")));
            }
        }
        NylasContact.Address address = null;
        List<Fields> addresses = v.list("physical_addresses");
        if (!addresses.isEmpty()) {
            Fields a = addresses.stream().filter(x -> "work".equalsIgnoreCase(x.str("type"))).findFirst()
                    .orElse(addresses.get(0));
            address = new NylasContact.Address(a.str("street_address"), a.str("city"), a.str("state"),
                    a.str("postal_code"), a.str("country"));
        }
        return new NylasContact(v.str("grant_id"), v.str("id"), deleted(v), v.time(NylasSchemas.MODIFIED_AT),
                v.str("given_name"), v.str("middle_name"), v.str("surname"), v.str("nickname"), emails, phones,
                address, v.str("company_name"), v.str("job_title"), v.str("manager_name"), v.str("office_location"),
                v.str("notes"), v.str("birthday"));
    }

    static NylasMessage message(Fields v) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Fields h : v.list("headers")) {
            if (h.str("name") != null) {
                headers.put(h.str("name"), h.str("value"));
            }
        }
        return new NylasMessage(v.str("grant_id"), v.str("id"), deleted(v), v.time(NylasSchemas.MODIFIED_AT),
                v.str("thread_id"), v.str("subject"), people(v, "from"), people(v, "to"), people(v, "cc"),
                people(v, "bcc"), v.time("date"), v.str("snippet"), v.str("body"), v.stringMap("metadata"), headers,
                v.strings("folders"), NylasAttachment.of(v));
    }

    static NylasEvent event(Fields v) {
        Fields w = v.child("when");
        if (w == null && v.raw("when") != null) {
            throw new RecordDecodeException("INVALID_TIME", "'when' is a " + v.raw("when").getClass().getSimpleName()
                    + ", not an object");
        }
        NylasEvent.When when = null;
        if (w != null) {
            String kind = w.str("object");
            when = new NylasEvent.When(kind == null ? guessKind(w) : kind.toLowerCase(Locale.ROOT),
                    w.time("time") != null ? w.time("time") : w.time("start_time"),
                    w.time("time") != null ? w.time("time") : w.time("end_time"),
                    w.str("timezone") != null ? w.str("timezone") : w.str("start_timezone"),
                    w.str("timezone") != null ? w.str("timezone") : w.str("end_timezone"),
                    date(w.str("date") != null ? w.str("date") : w.str("start_date")),
                    date(w.str("date") != null ? w.str("date") : w.str("end_date")));
        }
        if (!deleted(v) && (when == null || when.kind() == null || when.start() == null && when.startDate() == null)) {
            throw new RecordDecodeException("MISSING_WHEN", "the event says nothing about when it is ('when')");
        }
        return new NylasEvent(v.str("grant_id"), v.str("id"), deleted(v), v.time(NylasSchemas.MODIFIED_AT),
                v.str("calendar_id"), v.str("title"), v.str("description"), v.str("location"), v.str("status"),
                v.bool("busy"), Participant.of(v.child("organizer")), people(v, "participants"), when,
                v.stringMap("metadata"), v.str("ical_uid"), v.str("html_link"), v.str("master_event_id"),
                !v.strings("recurrence").isEmpty() && v.str("master_event_id") == null);
    }

    private static String guessKind(Fields w) {
        if (w.raw("time") != null) {
            return "time";
        }
        if (w.raw("start_time") != null) {
            return "timespan";
        }
        if (w.raw("date") != null) {
            return "date";
        }
        return w.raw("start_date") != null ? "datespan" : null;
    }

    private static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        LocalDate d = Timestamps.parseDate(s);
        if (d == null) {
            throw new RecordDecodeException("INVALID_DATE", "not an ISO date: " + s);
        }
        return d;
    }

    private static List<Participant> people(Fields v, String name) {
        List<Participant> out = new ArrayList<>();
        for (Fields p : v.list(name)) {
            Participant x = Participant.of(p);
            if (x != null) {
                out.add(x);
            }
        }
        return out;
    }

}
