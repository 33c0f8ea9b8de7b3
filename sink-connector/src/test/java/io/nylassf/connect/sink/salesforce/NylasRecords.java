package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.schema.NylasSchemas;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds records in the Nylas source's contract ({@link NylasSchemas}) for tests and benchmarks. */
public final class NylasRecords {
    private NylasRecords() {
    }

    public static Struct key(String object, String id) {
        return new Struct(NylasSchemas.KEY).put("grant_id", "grant-1").put("object", object).put("id", id);
    }

    private static void envelope(Struct s, String change, Instant modified) {
        s.put(NylasSchemas.CHANGE_TYPE, change).put(NylasSchemas.MODIFIED_AT, Date.from(modified))
                .put(NylasSchemas.OBSERVED_VIA, NylasSchemas.VIA_WINDOW).put(NylasSchemas.OBSERVED_AT, new Date());
    }

    public static Struct contact(String id, String given, String surname, String email, String company,
                                 String jobTitle, Instant modified) {
        Struct s = new Struct(NylasSchemas.CONTACT).put("grant_id", "grant-1").put("id", id).put("given_name", given)
                .put("surname", surname).put("company_name", company).put("job_title", jobTitle);
        if (email != null) {
            s.put("emails", List.of(new Struct(NylasSchemas.EMAIL).put("email", email).put("type", "work")));
        }
        s.put("phone_numbers", List.of(new Struct(NylasSchemas.PHONE).put("number", "+1 555 " + id.hashCode() % 10000)
                .put("type", "work")));
        envelope(s, NylasSchemas.UPDATED, modified);
        return s;
    }

    static Struct person(String name, String email) {
        return new Struct(NylasSchemas.PARTICIPANT).put("name", name).put("email", email);
    }

    public static Struct message(String id, String subject, String from, String to, Instant date,
                                 Map<String, String> metadata, Instant modified) {
        Struct s = new Struct(NylasSchemas.MESSAGE).put("grant_id", "grant-1").put("id", id).put("thread_id", "t-" + id)
                .put("subject", subject).put("from", List.of(person("From", from)))
                .put("to", List.of(person("To", to))).put("date", Date.from(date))
                .put("body", "<p>Body of " + subject + "</p>").put("snippet", "Body of " + subject);
        if (metadata != null) {
            s.put("metadata", metadata);
        }
        envelope(s, NylasSchemas.CREATED, modified);
        return s;
    }

    /** The message with these headers (name, value, name, value...), as the source sends them when asked. */
    public static Struct withHeaders(Struct message, String... namesAndValues) {
        List<Struct> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(new Struct(NylasSchemas.HEADER).put("name", namesAndValues[i])
                    .put("value", namesAndValues[i + 1]));
        }
        return message.put("headers", headers);
    }

    /** The message with more recipients: {@code to} added to its To, {@code cc} as its Cc. */
    public static Struct withRecipients(Struct message, List<String> to, List<String> cc) {
        List<Struct> all = new ArrayList<>(message.getArray("to"));
        to.forEach(e -> all.add(person(null, e)));
        message.put("to", all);
        List<Struct> copies = new ArrayList<>();
        cc.forEach(e -> copies.add(person(null, e)));
        return message.put("cc", copies);
    }

    public static Struct event(String id, String title, Instant start, Instant end, List<String> attendees,
                               Map<String, String> metadata, String change, Instant modified) {
        List<Struct> people = new ArrayList<>();
        attendees.forEach(a -> people.add(person(null, a).put("status", "yes")));
        Struct when = new Struct(NylasSchemas.WHEN).put("object", "timespan").put("start_time", Date.from(start))
                .put("end_time", Date.from(end)).put("start_timezone", "America/New_York")
                .put("end_timezone", "America/New_York");
        Struct s = new Struct(NylasSchemas.EVENT).put("grant_id", "grant-1").put("id", id).put("calendar_id", "primary")
                .put("title", title).put("location", "Room 7").put("status", "confirmed").put("busy", true)
                .put("participants", people).put("when", when).put("organizer", person("Me", "me@mycorp.com"));
        if (metadata != null) {
            s.put("metadata", metadata);
        }
        envelope(s, change, modified);
        return s;
    }

    /** A schemaless contact, as the JSON converter without schemas delivers it. */
    public static Map<String, Object> contactMap(String id, String given, String surname, String email,
                                                 Instant modified) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("object", "contact");
        m.put("grant_id", "grant-1");
        m.put("id", id);
        m.put("given_name", given);
        m.put("surname", surname);
        m.put("emails", List.of(Map.of("email", email, "type", "work")));
        m.put(NylasSchemas.CHANGE_TYPE, NylasSchemas.UPDATED);
        m.put(NylasSchemas.MODIFIED_AT, modified.toString());
        m.put(NylasSchemas.OBSERVED_VIA, NylasSchemas.VIA_WEBHOOK);
        m.put(NylasSchemas.OBSERVED_AT, modified.toEpochMilli());
        return m;
    }

    /** The input topic a record of this schema is read from. */
    public static String topicOf(Struct value) {
        String name = value.schema().name();
        return name.endsWith("Contact") ? "nylas.contacts" : name.endsWith("Message") ? "nylas.messages" : "nylas.events";
    }

    public static SinkRecord sinkRecord(String topic, long offset, Struct value) {
        return new SinkRecord(topic, 0, NylasSchemas.KEY, key(topic, value.getString("id")), value.schema(), value,
                offset);
    }

    public static SinkRecord sinkRecord(String topic, long offset, Map<String, Object> value) {
        return new SinkRecord(topic, 0, null, null, null, value, offset);
    }
}
