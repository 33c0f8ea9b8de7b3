package io.nylassf.connect.common.schema;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Connect schemas of every record the Nylas source writes, named and versioned in one place so the JSON and
 * Avro converters and schema registries see stable names. Field names follow the Nylas v3 API (snake_case), so
 * schemaless JSON with the same names is read the same way by the sinks. Times are Connect {@link Timestamp}s
 * (epoch milliseconds in JSON); Nylas' own fields are in seconds and are converted when records are built.
 *
 * <p>Every value carries the change envelope: {@link #CHANGE_TYPE} (created, updated, deleted),
 * {@link #MODIFIED_AT} (the source's modified time, which decides last-write-wins), {@link #OBSERVED_VIA}
 * (webhook, window or reconcile) and {@link #OBSERVED_AT}. A delete carries only identifiers and the envelope.
 */
public final class NylasSchemas {
    public static final String NAMESPACE = "io.nylassf.nylas";
    public static final int VERSION = 1;

    public static final String CHANGE_TYPE = "change_type";
    public static final String MODIFIED_AT = "modified_at";
    public static final String OBSERVED_VIA = "observed_via";
    public static final String OBSERVED_AT = "observed_at";

    /**
     * The email address of the grant (mailbox, calendar) a message, event or contact was read from, when the
     * source knows it (optional: older records and unknown grants lack it). Not a Nylas field: the sinks use it to
     * find the grant's owner (the rep) without calling Nylas.
     */
    public static final String GRANT_EMAIL = "grant_email";

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";
    public static final String VIA_WEBHOOK = "webhook";
    public static final String VIA_WINDOW = "window";
    /** Re-read by the scheduled reconciliation: the sinks write it only where it is missing or differs. */
    public static final String VIA_RECONCILE = "reconcile";

    public static final Schema OPTIONAL_TIMESTAMP = Timestamp.builder().optional().build();
    public static final Schema OPTIONAL_STRING_ARRAY = SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build();
    public static final Schema OPTIONAL_STRING_MAP =
            SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).optional().build();

    private static final Schema STRING = Schema.STRING_SCHEMA;
    private static final Schema TEXT = Schema.OPTIONAL_STRING_SCHEMA;
    private static final Schema FLAG = Schema.OPTIONAL_BOOLEAN_SCHEMA;

    /** {@code {name, email, status}}: message addresses, event organizer and participants. */
    public static final Schema PARTICIPANT = struct("Participant",
            "A person on a message or event: display name, email and (for event participants) RSVP status.")
            .optional()
            .of(TEXT, "name", "email", "status")
            .build();
    public static final Schema PARTICIPANTS = SchemaBuilder.array(PARTICIPANT).optional().build();

    public static final Schema HEADER = struct("Header", null).of(STRING, "name").of(TEXT, "value").build();

    /** A file on a message, as Nylas lists it (the content is downloaded separately, by id and message id). */
    public static final Schema ATTACHMENT = struct("Attachment",
            "A file attached to a message: id, name, MIME type, size in bytes, and whether the body shows it inline.")
            .of(STRING, "id")
            .of(TEXT, "filename", "content_type")
            .of(Schema.OPTIONAL_INT64_SCHEMA, "size")
            .of(FLAG, "is_inline")
            .of(TEXT, "content_id")
            .build();
    public static final Schema ATTACHMENTS = SchemaBuilder.array(ATTACHMENT).optional().build();

    /** Record key of every Nylas topic: one object's changes stay in one partition, in order. */
    public static final Schema KEY = struct("Key", "Identity of a Nylas object: grant, object type and object ID.")
            .of(STRING, "grant_id", "object", "id")
            .build();

    public static final Schema MESSAGE = envelope(struct("Message",
            "A Nylas email message and how its change was observed.")
            .of(STRING, "grant_id", "id")
            .of(TEXT, "thread_id", "subject")
            .of(PARTICIPANTS, "from", "to", "cc", "bcc", "reply_to")
            .of(OPTIONAL_TIMESTAMP, "date")
            .of(TEXT, "snippet", "body")
            .of(FLAG, "body_truncated", "unread", "starred")
            .of(OPTIONAL_STRING_ARRAY, "folders")
            .of(SchemaBuilder.array(HEADER).optional().build(), "headers")
            .of(OPTIONAL_STRING_MAP, "metadata")
            .of(OPTIONAL_TIMESTAMP, "created_at")
            .of(ATTACHMENTS, "attachments")
            .of(TEXT, GRANT_EMAIL));

    /** Nylas' polymorphic {@code when}: {@code object} says which of the other fields are set. */
    public static final Schema WHEN = struct("When",
            "Event time: object is time, timespan, date or datespan; dates are ISO yyyy-MM-dd strings.")
            .optional()
            .of(STRING, "object")
            .of(OPTIONAL_TIMESTAMP, "time")
            .of(TEXT, "timezone")
            .of(OPTIONAL_TIMESTAMP, "start_time", "end_time")
            .of(TEXT, "start_timezone", "end_timezone", "date", "start_date", "end_date")
            .build();

    public static final Schema EVENT = envelope(struct("Event",
            "A Nylas calendar event and how its change was observed.")
            .of(STRING, "grant_id", "id")
            .of(TEXT, "calendar_id", "title", "description", "location", "status")
            .of(FLAG, "busy")
            .of(PARTICIPANT, "organizer")
            .of(PARTICIPANTS, "participants")
            .of(WHEN, "when")
            .of(OPTIONAL_STRING_ARRAY, "recurrence")
            .of(TEXT, "ical_uid", "master_event_id", "html_link")
            .of(OPTIONAL_STRING_MAP, "metadata")
            .of(OPTIONAL_TIMESTAMP, "created_at", "updated_at")
            .of(TEXT, GRANT_EMAIL));

    public static final Schema EMAIL = struct("Email", null).of(TEXT, "email", "type").build();

    public static final Schema PHONE = struct("PhoneNumber", null).of(TEXT, "number", "type").build();

    public static final Schema ADDRESS = struct("PhysicalAddress", null)
            .of(TEXT, "type", "street_address", "city", "state", "postal_code", "country")
            .build();

    public static final Schema CONTACT = envelope(struct("Contact",
            "A Nylas contact and how its change was observed.")
            .of(STRING, "grant_id", "id")
            .of(TEXT, "given_name", "middle_name", "surname", "nickname")
            .of(SchemaBuilder.array(EMAIL).optional().build(), "emails")
            .of(SchemaBuilder.array(PHONE).optional().build(), "phone_numbers")
            .of(SchemaBuilder.array(ADDRESS).optional().build(), "physical_addresses")
            .of(TEXT, "company_name", "job_title", "manager_name", "office_location", "notes", "birthday")
            .of(OPTIONAL_STRING_ARRAY, "groups")
            .of(TEXT, "source")
            .of(TEXT, GRANT_EMAIL));

    public static final Schema GRANT_STATUS = struct("GrantStatus",
            "A grant's state as the source sees it: valid, expired (reads paused) or deleted.")
            .of(STRING, "grant_id", "status")
            .of(TEXT, "email", "provider", "reason")
            .of(STRING, OBSERVED_VIA)
            .of(Timestamp.SCHEMA, OBSERVED_AT)
            .build();

    private NylasSchemas() {
    }

    private static StructSchema struct(String name, String doc) {
        return StructSchema.named(NAMESPACE + "." + name, VERSION, doc);
    }

    private static Schema envelope(StructSchema s) {
        return s.of(STRING, CHANGE_TYPE)
                .of(OPTIONAL_TIMESTAMP, MODIFIED_AT)
                .of(STRING, OBSERVED_VIA)
                .of(Timestamp.SCHEMA, OBSERVED_AT)
                .build();
    }
}
