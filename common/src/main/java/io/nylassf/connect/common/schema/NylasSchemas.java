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
 * (webhook or window) and {@link #OBSERVED_AT}. A delete carries only identifiers and the envelope.
 */
public final class NylasSchemas {
    public static final String NAMESPACE = "io.nylassf.nylas";
    public static final int VERSION = 1;

    public static final String CHANGE_TYPE = "change_type";
    public static final String MODIFIED_AT = "modified_at";
    public static final String OBSERVED_VIA = "observed_via";
    public static final String OBSERVED_AT = "observed_at";

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String DELETED = "deleted";
    public static final String VIA_WEBHOOK = "webhook";
    public static final String VIA_WINDOW = "window";

    public static final Schema OPTIONAL_TIMESTAMP = Timestamp.builder().optional().build();
    public static final Schema OPTIONAL_STRING_ARRAY = SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build();
    public static final Schema OPTIONAL_STRING_MAP =
            SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).optional().build();

    /** {@code {name, email, status}}: message addresses, event organizer and participants. */
    public static final Schema PARTICIPANT = SchemaBuilder.struct().name(NAMESPACE + ".Participant").version(VERSION)
            .doc("A person on a message or event: display name, email and (for event participants) RSVP status.")
            .optional()
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("status", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    public static final Schema PARTICIPANTS = SchemaBuilder.array(PARTICIPANT).optional().build();

    public static final Schema HEADER = SchemaBuilder.struct().name(NAMESPACE + ".Header").version(VERSION)
            .field("name", Schema.STRING_SCHEMA)
            .field("value", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    /** Record key of every Nylas topic: one object's changes stay in one partition, in order. */
    public static final Schema KEY = SchemaBuilder.struct().name(NAMESPACE + ".Key").version(VERSION)
            .doc("Identity of a Nylas object: grant, object type and object ID.")
            .field("grant_id", Schema.STRING_SCHEMA)
            .field("object", Schema.STRING_SCHEMA)
            .field("id", Schema.STRING_SCHEMA)
            .build();

    public static final Schema MESSAGE = envelope(SchemaBuilder.struct().name(NAMESPACE + ".Message").version(VERSION)
            .doc("A Nylas email message and how its change was observed.")
            .field("grant_id", Schema.STRING_SCHEMA)
            .field("id", Schema.STRING_SCHEMA)
            .field("thread_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("subject", Schema.OPTIONAL_STRING_SCHEMA)
            .field("from", PARTICIPANTS)
            .field("to", PARTICIPANTS)
            .field("cc", PARTICIPANTS)
            .field("bcc", PARTICIPANTS)
            .field("reply_to", PARTICIPANTS)
            .field("date", OPTIONAL_TIMESTAMP)
            .field("snippet", Schema.OPTIONAL_STRING_SCHEMA)
            .field("body", Schema.OPTIONAL_STRING_SCHEMA)
            .field("body_truncated", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("unread", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("starred", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("folders", OPTIONAL_STRING_ARRAY)
            .field("headers", SchemaBuilder.array(HEADER).optional().build())
            .field("metadata", OPTIONAL_STRING_MAP)
            .field("created_at", OPTIONAL_TIMESTAMP));

    /** Nylas' polymorphic {@code when}: {@code object} says which of the other fields are set. */
    public static final Schema WHEN = SchemaBuilder.struct().name(NAMESPACE + ".When").version(VERSION)
            .doc("Event time: object is time, timespan, date or datespan; dates are ISO yyyy-MM-dd strings.")
            .optional()
            .field("object", Schema.STRING_SCHEMA)
            .field("time", OPTIONAL_TIMESTAMP)
            .field("timezone", Schema.OPTIONAL_STRING_SCHEMA)
            .field("start_time", OPTIONAL_TIMESTAMP)
            .field("end_time", OPTIONAL_TIMESTAMP)
            .field("start_timezone", Schema.OPTIONAL_STRING_SCHEMA)
            .field("end_timezone", Schema.OPTIONAL_STRING_SCHEMA)
            .field("date", Schema.OPTIONAL_STRING_SCHEMA)
            .field("start_date", Schema.OPTIONAL_STRING_SCHEMA)
            .field("end_date", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema EVENT = envelope(SchemaBuilder.struct().name(NAMESPACE + ".Event").version(VERSION)
            .doc("A Nylas calendar event and how its change was observed.")
            .field("grant_id", Schema.STRING_SCHEMA)
            .field("id", Schema.STRING_SCHEMA)
            .field("calendar_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("title", Schema.OPTIONAL_STRING_SCHEMA)
            .field("description", Schema.OPTIONAL_STRING_SCHEMA)
            .field("location", Schema.OPTIONAL_STRING_SCHEMA)
            .field("status", Schema.OPTIONAL_STRING_SCHEMA)
            .field("busy", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("organizer", PARTICIPANT)
            .field("participants", PARTICIPANTS)
            .field("when", WHEN)
            .field("recurrence", OPTIONAL_STRING_ARRAY)
            .field("ical_uid", Schema.OPTIONAL_STRING_SCHEMA)
            .field("master_event_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("html_link", Schema.OPTIONAL_STRING_SCHEMA)
            .field("metadata", OPTIONAL_STRING_MAP)
            .field("created_at", OPTIONAL_TIMESTAMP)
            .field("updated_at", OPTIONAL_TIMESTAMP));

    public static final Schema EMAIL = SchemaBuilder.struct().name(NAMESPACE + ".Email").version(VERSION)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("type", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema PHONE = SchemaBuilder.struct().name(NAMESPACE + ".PhoneNumber").version(VERSION)
            .field("number", Schema.OPTIONAL_STRING_SCHEMA)
            .field("type", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema ADDRESS = SchemaBuilder.struct().name(NAMESPACE + ".PhysicalAddress").version(VERSION)
            .field("type", Schema.OPTIONAL_STRING_SCHEMA)
            .field("street_address", Schema.OPTIONAL_STRING_SCHEMA)
            .field("city", Schema.OPTIONAL_STRING_SCHEMA)
            .field("state", Schema.OPTIONAL_STRING_SCHEMA)
            .field("postal_code", Schema.OPTIONAL_STRING_SCHEMA)
            .field("country", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema CONTACT = envelope(SchemaBuilder.struct().name(NAMESPACE + ".Contact").version(VERSION)
            .doc("A Nylas contact and how its change was observed.")
            .field("grant_id", Schema.STRING_SCHEMA)
            .field("id", Schema.STRING_SCHEMA)
            .field("given_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("middle_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("surname", Schema.OPTIONAL_STRING_SCHEMA)
            .field("nickname", Schema.OPTIONAL_STRING_SCHEMA)
            .field("emails", SchemaBuilder.array(EMAIL).optional().build())
            .field("phone_numbers", SchemaBuilder.array(PHONE).optional().build())
            .field("physical_addresses", SchemaBuilder.array(ADDRESS).optional().build())
            .field("company_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("job_title", Schema.OPTIONAL_STRING_SCHEMA)
            .field("manager_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("office_location", Schema.OPTIONAL_STRING_SCHEMA)
            .field("notes", Schema.OPTIONAL_STRING_SCHEMA)
            .field("birthday", Schema.OPTIONAL_STRING_SCHEMA)
            .field("groups", OPTIONAL_STRING_ARRAY)
            .field("source", Schema.OPTIONAL_STRING_SCHEMA));

    public static final Schema GRANT_STATUS = SchemaBuilder.struct().name(NAMESPACE + ".GrantStatus").version(VERSION)
            .doc("A grant's state as the source sees it: valid, expired (reads paused) or deleted.")
            .field("grant_id", Schema.STRING_SCHEMA)
            .field("status", Schema.STRING_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("provider", Schema.OPTIONAL_STRING_SCHEMA)
            .field("reason", Schema.OPTIONAL_STRING_SCHEMA)
            .field(OBSERVED_VIA, Schema.STRING_SCHEMA)
            .field(OBSERVED_AT, Timestamp.SCHEMA)
            .build();

    private NylasSchemas() {
    }

    private static Schema envelope(SchemaBuilder b) {
        return b.field(CHANGE_TYPE, Schema.STRING_SCHEMA)
                .field(MODIFIED_AT, OPTIONAL_TIMESTAMP)
                .field(OBSERVED_VIA, Schema.STRING_SCHEMA)
                .field(OBSERVED_AT, Timestamp.SCHEMA)
                .build();
    }
}
