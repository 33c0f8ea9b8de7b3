package io.nylassf.connect.plugin.bench;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Nylas records in the Nylas source's contract, serialized as the ITs do (JsonConverter with schemas). The schemas
 * are a copy of common's {@code NylasSchemas} (contact, message and event only): common is kept off this JVM's
 * classpath so the workers load the packaged plugin, never these classes. Keep them in step with NylasSchemas.
 */
final class BenchRecords {
    static final String NS = "io.nylassf.nylas";
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    /** Accounts seeded in every org, matched by the even-numbered people's email domains. */
    static final int ACCOUNTS = 50;
    /** People seeded as Contacts in every org: the counterparts of messages and events. */
    static final int PEOPLE = 2_000;

    private static final Schema TS = Timestamp.builder().optional().build();
    private static final Schema STRINGS = SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build();
    private static final Schema STRING_MAP =
            SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).optional().build();
    static final Schema PARTICIPANT = SchemaBuilder.struct().name(NS + ".Participant").version(1).optional()
            .field("name", Schema.OPTIONAL_STRING_SCHEMA).field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .field("status", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema PARTICIPANTS = SchemaBuilder.array(PARTICIPANT).optional().build();
    private static final Schema HEADER = SchemaBuilder.struct().name(NS + ".Header").version(1)
            .field("name", Schema.STRING_SCHEMA).field("value", Schema.OPTIONAL_STRING_SCHEMA).build();
    static final Schema KEY = SchemaBuilder.struct().name(NS + ".Key").version(1)
            .field("grant_id", Schema.STRING_SCHEMA).field("object", Schema.STRING_SCHEMA)
            .field("id", Schema.STRING_SCHEMA).build();
    static final Schema MESSAGE = envelope(SchemaBuilder.struct().name(NS + ".Message").version(1)
            .field("grant_id", Schema.STRING_SCHEMA).field("id", Schema.STRING_SCHEMA)
            .field("thread_id", Schema.OPTIONAL_STRING_SCHEMA).field("subject", Schema.OPTIONAL_STRING_SCHEMA)
            .field("from", PARTICIPANTS).field("to", PARTICIPANTS).field("cc", PARTICIPANTS)
            .field("bcc", PARTICIPANTS).field("reply_to", PARTICIPANTS).field("date", TS)
            .field("snippet", Schema.OPTIONAL_STRING_SCHEMA).field("body", Schema.OPTIONAL_STRING_SCHEMA)
            .field("body_truncated", Schema.OPTIONAL_BOOLEAN_SCHEMA).field("unread", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("starred", Schema.OPTIONAL_BOOLEAN_SCHEMA).field("folders", STRINGS)
            .field("headers", SchemaBuilder.array(HEADER).optional().build()).field("metadata", STRING_MAP)
            .field("created_at", TS));
    static final Schema WHEN = SchemaBuilder.struct().name(NS + ".When").version(1).optional()
            .field("object", Schema.STRING_SCHEMA).field("time", TS).field("timezone", Schema.OPTIONAL_STRING_SCHEMA)
            .field("start_time", TS).field("end_time", TS).field("start_timezone", Schema.OPTIONAL_STRING_SCHEMA)
            .field("end_timezone", Schema.OPTIONAL_STRING_SCHEMA).field("date", Schema.OPTIONAL_STRING_SCHEMA)
            .field("start_date", Schema.OPTIONAL_STRING_SCHEMA).field("end_date", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    static final Schema EVENT = envelope(SchemaBuilder.struct().name(NS + ".Event").version(1)
            .field("grant_id", Schema.STRING_SCHEMA).field("id", Schema.STRING_SCHEMA)
            .field("calendar_id", Schema.OPTIONAL_STRING_SCHEMA).field("title", Schema.OPTIONAL_STRING_SCHEMA)
            .field("description", Schema.OPTIONAL_STRING_SCHEMA).field("location", Schema.OPTIONAL_STRING_SCHEMA)
            .field("status", Schema.OPTIONAL_STRING_SCHEMA).field("busy", Schema.OPTIONAL_BOOLEAN_SCHEMA)
            .field("organizer", PARTICIPANT).field("participants", PARTICIPANTS).field("when", WHEN)
            .field("recurrence", STRINGS).field("ical_uid", Schema.OPTIONAL_STRING_SCHEMA)
            .field("master_event_id", Schema.OPTIONAL_STRING_SCHEMA).field("html_link", Schema.OPTIONAL_STRING_SCHEMA)
            .field("metadata", STRING_MAP).field("created_at", TS).field("updated_at", TS));
    static final Schema EMAIL = SchemaBuilder.struct().name(NS + ".Email").version(1)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA).field("type", Schema.OPTIONAL_STRING_SCHEMA).build();
    static final Schema PHONE = SchemaBuilder.struct().name(NS + ".PhoneNumber").version(1)
            .field("number", Schema.OPTIONAL_STRING_SCHEMA).field("type", Schema.OPTIONAL_STRING_SCHEMA).build();
    static final Schema ADDRESS = SchemaBuilder.struct().name(NS + ".PhysicalAddress").version(1)
            .field("type", Schema.OPTIONAL_STRING_SCHEMA).field("street_address", Schema.OPTIONAL_STRING_SCHEMA)
            .field("city", Schema.OPTIONAL_STRING_SCHEMA).field("state", Schema.OPTIONAL_STRING_SCHEMA)
            .field("postal_code", Schema.OPTIONAL_STRING_SCHEMA).field("country", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    static final Schema CONTACT = envelope(SchemaBuilder.struct().name(NS + ".Contact").version(1)
            .field("grant_id", Schema.STRING_SCHEMA).field("id", Schema.STRING_SCHEMA)
            .field("given_name", Schema.OPTIONAL_STRING_SCHEMA).field("middle_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("surname", Schema.OPTIONAL_STRING_SCHEMA).field("nickname", Schema.OPTIONAL_STRING_SCHEMA)
            .field("emails", SchemaBuilder.array(EMAIL).optional().build())
            .field("phone_numbers", SchemaBuilder.array(PHONE).optional().build())
            .field("physical_addresses", SchemaBuilder.array(ADDRESS).optional().build())
            .field("company_name", Schema.OPTIONAL_STRING_SCHEMA).field("job_title", Schema.OPTIONAL_STRING_SCHEMA)
            .field("manager_name", Schema.OPTIONAL_STRING_SCHEMA).field("office_location", Schema.OPTIONAL_STRING_SCHEMA)
            .field("notes", Schema.OPTIONAL_STRING_SCHEMA).field("birthday", Schema.OPTIONAL_STRING_SCHEMA)
            .field("groups", STRINGS).field("source", Schema.OPTIONAL_STRING_SCHEMA));

    private static final JsonConverter JSON = new JsonConverter();

    static {
        JSON.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
    }

    private BenchRecords() {
    }

    private static Schema envelope(SchemaBuilder b) {
        return b.field("change_type", Schema.STRING_SCHEMA).field("modified_at", TS)
                .field("observed_via", Schema.STRING_SCHEMA).field("observed_at", Timestamp.SCHEMA).build();
    }

    /** A seeded person's email: even people work at a seeded Account's domain, odd ones at their own. */
    static String personEmail(int i) {
        return i % 2 == 0 ? "p" + i + "@company" + (i % ACCOUNTS) + ".com" : "p" + i + "@prospect" + i + ".io";
    }

    /** The {@code i}-th record of a kind, with an id unique to {@code prefix} (one prefix per scenario). */
    static Struct record(RecordKind kind, String prefix, int i) {
        String id = prefix + "-" + i;
        return switch (kind) {
            case CONTACTS -> contact(id, i);
            case MESSAGES -> message(id, i);
            case EVENTS -> event(id, i);
        };
    }

    static Struct contact(String id, int i) {
        // a new person, never one of the seeded ones (whose emails would trip the duplicate rules)
        String email = i % 2 == 0 ? id + "@company" + (i % ACCOUNTS) + ".com" : id + "@newco" + i + ".io";
        Struct s = new Struct(CONTACT).put("grant_id", "grant-1").put("id", id).put("given_name", "F" + i)
                .put("surname", "L" + i).put("company_name", null).put("job_title", "Buyer")
                .put("emails", List.of(new Struct(EMAIL).put("email", email).put("type", "work")))
                .put("phone_numbers", List.of(new Struct(PHONE).put("number", "+1 555 " + (i % 10_000))
                        .put("type", "work")));
        return envelope(s, "updated");
    }

    static Struct message(String id, int i) {
        String subject = "Subject " + id;
        Struct s = new Struct(MESSAGE).put("grant_id", "grant-1").put("id", id).put("thread_id", "t-" + id)
                .put("subject", subject).put("from", List.of(person("Me", "me@mycorp.com")))
                .put("to", List.of(person("To", personEmail(i % PEOPLE)))).put("date", Date.from(T))
                .put("body", "<p>Body of " + subject + "</p>").put("snippet", "Body of " + subject);
        return envelope(s, "created");
    }

    static Struct event(String id, int i) {
        Instant start = T.plusSeconds(i * 60L);
        Struct when = new Struct(WHEN).put("object", "timespan").put("start_time", Date.from(start))
                .put("end_time", Date.from(start.plusSeconds(1800))).put("start_timezone", "America/New_York")
                .put("end_timezone", "America/New_York");
        Struct s = new Struct(EVENT).put("grant_id", "grant-1").put("id", id).put("calendar_id", "primary")
                .put("title", "Meeting " + id).put("location", "Room 7").put("status", "confirmed").put("busy", true)
                .put("participants", List.of(person(null, personEmail(i % PEOPLE)).put("status", "yes")))
                .put("when", when).put("organizer", person("Me", "me@mycorp.com"));
        return envelope(s, "updated");
    }

    private static Struct person(String name, String email) {
        return new Struct(PARTICIPANT).put("name", name).put("email", email);
    }

    private static Struct envelope(Struct s, String change) {
        return s.put("change_type", change).put("modified_at", Date.from(T)).put("observed_via", "window")
                .put("observed_at", new Date());
    }

    static byte[] key(String topic, Struct value) {
        Struct key = new Struct(KEY).put("grant_id", "grant-1").put("object", topic).put("id", value.getString("id"));
        return JSON.fromConnectData(topic, KEY, key);
    }

    static byte[] value(String topic, Struct value) {
        return JSON.fromConnectData(topic, value.schema(), value);
    }
}
