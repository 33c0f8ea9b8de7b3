package io.nylassf.connect.source.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.utils.converter.avro.AvroData;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.offset.ObjectStream;
import io.nylassf.connect.source.nylas.offset.SourceOffset;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nylas JSON → the NylasSchemas contract, and the records through the JSON and Avro converters. */
class RecordMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final RecordMapper MAPPER = new RecordMapper(new BodyPolicy(1_000, false));
    private static final RecordFactory RECORDS = new RecordFactory(new Topics("nylas"), MAPPER,
            Clock.fixed(NOW, ZoneOffset.UTC));

    static final String MESSAGE = """
            {"id":"m1","grant_id":"g1","object":"message","thread_id":"t1","subject":"Q2 plan",
             "from":[{"name":"Ada","email":"ada@acme.test"}],"to":[{"name":"Bob","email":"bob@acme.test"}],
             "cc":[],"bcc":[],"reply_to":[],"date":1718351400,"created_at":1718351401,"body":"<p>Hi</p>",
             "snippet":"Hi","starred":false,"unread":true,"folders":["INBOX"],
             "attachments":[{"id":"a1","filename":"x.pdf","content_type":"application/pdf","size":10}],
             "metadata":{"key1":"sf:00T5g000004abcdEAA"},
             "headers":[{"name":"Message-Id","value":"<m1@acme.test>"}]}""";
    static final String EVENT = """
            {"id":"e1","grant_id":"g1","calendar_id":"c1","object":"event","title":"Kickoff","description":"d",
             "location":"Room 1","status":"confirmed","busy":true,
             "organizer":{"email":"ada@acme.test","name":"Ada"},
             "participants":[{"email":"bob@acme.test","name":"Bob","status":"yes"}],
             "recurrence":["RRULE:FREQ=WEEKLY"],"metadata":{},"ical_uid":"u1","created_at":1700000000,
             "updated_at":1700000100,"when":{"object":"timespan","start_time":1800000000,"end_time":1800003600,
             "start_timezone":"UTC","end_timezone":"UTC"}}""";
    static final String CONTACT = """
            {"id":"c1","grant_id":"g1","object":"contact","given_name":"Leyah","surname":"Miller",
             "emails":[{"type":"work","email":"leyah.miller@example.com"}],
             "phone_numbers":[{"type":"work","number":"+1-555-555-5555"}],
             "physical_addresses":[{"type":"work","street_address":"123 Main Street","postal_code":"94107",
             "state":"CA","country":"US","city":"San Francisco"}],"company_name":"Nylas",
             "job_title":"Software Engineer","groups":[{"id":"starred"}],"source":"address_book",
             "birthday":"1960-12-31","im_addresses":[{"type":"msn","im_address":"leyah"}]}""";

    @Test
    void mapsAMessageWithSecondsAsTimestamps() throws Exception {
        Struct s = MAPPER.message(JSON.readTree(MESSAGE), NylasSchemas.CREATED, NylasSchemas.VIA_WINDOW, NOW);
        assertEquals(NylasSchemas.MESSAGE, s.schema());
        assertEquals("m1", s.getString("id"));
        assertEquals("Q2 plan", s.getString("subject"));
        assertEquals(new Date(1_718_351_400_000L), s.get("date"));
        assertEquals(new Date(1_718_351_400_000L), s.get(NylasSchemas.MODIFIED_AT));
        assertEquals(Date.from(NOW), s.get(NylasSchemas.OBSERVED_AT));
        assertEquals("ada@acme.test", ((Struct) s.getArray("from").get(0)).getString("email"));
        assertEquals("sf:00T5g000004abcdEAA", s.getMap("metadata").get("key1"));
        assertEquals("<m1@acme.test>", ((Struct) s.getArray("headers").get(0)).getString("value"));
        assertEquals("<p>Hi</p>", s.getString("body"));
        assertFalse(s.getBoolean("body_truncated"));
        assertEquals(List.of("INBOX"), s.getArray("folders"));
        assertEquals("created", s.getString(NylasSchemas.CHANGE_TYPE));
        assertEquals("window", s.getString(NylasSchemas.OBSERVED_VIA));
    }

    @Test
    void aMessageCarriesItsAttachmentsMetadata() throws Exception {
        String json = MESSAGE.replace("\"size\":10}", "\"size\":10,\"grant_id\":\"g1\",\"is_inline\":false},"
                + "{\"id\":\"a2\",\"filename\":\"logo.png\",\"content_type\":\"image/png\",\"size\":3,"
                + "\"is_inline\":true,\"content_id\":\"logo@acme\"},{\"filename\":\"no id\"}");
        Struct s = MAPPER.message(JSON.readTree(json), NylasSchemas.CREATED, NylasSchemas.VIA_WINDOW, NOW);
        List<Struct> atts = s.getArray("attachments");
        assertEquals(2, atts.size(), "an attachment without its id is left out");
        assertEquals("a1", atts.get(0).getString("id"));
        assertEquals("x.pdf", atts.get(0).getString("filename"));
        assertEquals("application/pdf", atts.get(0).getString("content_type"));
        assertEquals(10L, atts.get(0).getInt64("size"));
        assertEquals(false, atts.get(0).getBoolean("is_inline"));
        assertEquals(true, atts.get(1).getBoolean("is_inline"));
        assertEquals("logo@acme", atts.get(1).getString("content_id"));
        s.validate();
    }

    @Test
    void mapsAnEventAndItsPolymorphicWhen() throws Exception {
        JsonNode e = JSON.readTree(EVENT);
        Struct s = MAPPER.event(e, RecordMapper.eventChangeType(e), NylasSchemas.VIA_WEBHOOK, NOW);
        assertEquals("updated", s.getString(NylasSchemas.CHANGE_TYPE));
        Struct when = s.getStruct("when");
        assertEquals("timespan", when.getString("object"));
        assertEquals(new Date(1_800_000_000_000L), when.get("start_time"));
        assertEquals("yes", ((Struct) s.getArray("participants").get(0)).getString("status"));
        assertEquals("Ada", s.getStruct("organizer").getString("name"));
        assertEquals(new Date(1_700_000_100_000L), s.get(NylasSchemas.MODIFIED_AT));

        JsonNode allDay = JSON.readTree("{\"id\":\"e2\",\"grant_id\":\"g1\",\"status\":\"cancelled\","
                + "\"when\":{\"date\":\"2026-12-24\"},\"created_at\":5,\"updated_at\":5}");
        assertEquals("deleted", RecordMapper.eventChangeType(allDay));
        Struct d = MAPPER.event(allDay, "deleted", NylasSchemas.VIA_WINDOW, NOW);
        assertEquals("date", d.getStruct("when").getString("object"));
        assertEquals("2026-12-24", d.getStruct("when").getString("date"));
        assertEquals("created", RecordMapper.eventChangeType(JSON.readTree("{\"created_at\":5,\"updated_at\":5}")));
    }

    @Test
    void mapsAContactFromTheSeedExample() throws Exception {
        Struct s = MAPPER.contact(JSON.readTree(CONTACT), NylasSchemas.UPDATED, null, NylasSchemas.VIA_WINDOW, NOW);
        assertEquals("Leyah", s.getString("given_name"));
        assertEquals("leyah.miller@example.com", ((Struct) s.getArray("emails").get(0)).getString("email"));
        assertEquals("San Francisco", ((Struct) s.getArray("physical_addresses").get(0)).getString("city"));
        assertEquals(List.of("starred"), s.getArray("groups"));
        assertNull(s.get(NylasSchemas.MODIFIED_AT), "contacts document no modified time");
    }

    @Test
    void aContactsModifiedTimeIsWhenItsChangeWasSeenNeverAFieldOfTheContact() throws Exception {
        // an updated_at in the JSON (which real Nylas does not document for contacts) is not read
        JsonNode withUndocumentedTime = JSON.readTree(CONTACT.replace("\"object\":\"contact\",",
                "\"object\":\"contact\",\"updated_at\":1,"));
        Instant seen = Instant.parse("2026-12-04T10:15:30Z");
        Struct s = MAPPER.contact(withUndocumentedTime, NylasSchemas.UPDATED, seen, NylasSchemas.VIA_WEBHOOK, NOW);
        assertEquals(Date.from(seen), s.get(NylasSchemas.MODIFIED_AT));
        assertThrows(IllegalArgumentException.class, () -> RECORDS.object(ObjectStream.CONTACTS,
                JSON.readTree(CONTACT), "updated", NylasSchemas.VIA_WINDOW, null, null), "contacts go through contact()");
    }

    @Test
    void oddFieldsBecomeNullsNotFailures() throws Exception {
        JsonNode odd = JSON.readTree("{\"id\":\"m9\",\"grant_id\":\"g1\",\"date\":\"soon\",\"from\":{\"x\":1},"
                + "\"subject\":{\"nested\":true},\"metadata\":{\"n\":5,\"o\":{\"a\":1}},\"unread\":\"yes\"}");
        Struct s = MAPPER.message(odd, NylasSchemas.UPDATED, NylasSchemas.VIA_WEBHOOK, NOW);
        assertNull(s.get("date"));
        assertNull(s.get("from"));
        assertNull(s.get("subject"));
        assertNull(s.get("unread"));
        assertEquals(Map.of("n", "5", "o", "{\"a\":1}"), s.getMap("metadata"));
    }

    @Test
    void deletesCarryIdentityAndEnvelopeOnly() {
        SourceRecord r = RECORDS.deleted(ObjectStream.EVENTS, "g1", "c1", "e1", Instant.ofEpochSecond(1_700_000_000L),
                NylasSchemas.VIA_WEBHOOK, null, null);
        Struct v = (Struct) r.value();
        assertEquals("deleted", v.getString(NylasSchemas.CHANGE_TYPE));
        assertEquals("c1", v.getString("calendar_id"));
        assertNull(v.get("title"));
        assertEquals("nylas.events", r.topic());
        assertEquals(new Struct(NylasSchemas.KEY).put("grant_id", "g1").put("object", "event").put("id", "e1"), r.key());
        assertNull(r.sourcePartition());
    }

    @Test
    void windowRecordsCarryPartitionAndOffsetAndTheKey() throws Exception {
        StreamPartition p = StreamPartition.messages("g1");
        SourceRecord r = RECORDS.object(ObjectStream.MESSAGES, JSON.readTree(MESSAGE), "created",
                NylasSchemas.VIA_WINDOW, p, new SourceOffset(1_718_351_400L, "m1"));
        assertEquals("nylas.messages", r.topic());
        assertEquals(p.toMap(), r.sourcePartition());
        assertEquals(Map.of("v", 1, "watermark", 1_718_351_400L, "last_id", "m1"), r.sourceOffset());
        assertEquals("m1", ((Struct) r.key()).getString("id"));
        assertEquals("message", ((Struct) r.key()).getString("object"));
    }

    @Test
    void bodiesOverTheLimitAreTruncatedOnACharacterBoundaryOrDropped() {
        String body = "é".repeat(600); // 1,200 UTF-8 bytes
        BodyPolicy.Result t = new BodyPolicy(1_001, false).apply(body);
        assertTrue(t.truncated());
        assertEquals(500, t.body().length(), "1,001 bytes hold 500 two-byte characters, not half of one more");
        assertTrue(t.body().getBytes(StandardCharsets.UTF_8).length <= 1_001);
        String emoji = "😀".repeat(10); // 40 bytes
        assertEquals("😀".repeat(2), new BodyPolicy(11, false).apply(emoji).body());
        BodyPolicy.Result dropped = new BodyPolicy(100, true).apply(body);
        assertNull(dropped.body());
        assertTrue(dropped.truncated());
        BodyPolicy.Result small = new BodyPolicy(1_200, true).apply(body);
        assertEquals(body, small.body());
        assertFalse(small.truncated());
    }

    @ParameterizedTest(name = "schemas.enable={0}")
    @ValueSource(booleans = {true, false})
    void everyRecordSerialisesWithTheJsonConverter(boolean schemas) throws Exception {
        JsonConverter values = new JsonConverter();
        values.configure(Map.of("schemas.enable", Boolean.toString(schemas)), false);
        JsonConverter keys = new JsonConverter();
        keys.configure(Map.of("schemas.enable", Boolean.toString(schemas)), true);
        for (SourceRecord r : sampleRecords()) {
            byte[] k = keys.fromConnectData(r.topic(), r.keySchema(), r.key());
            byte[] v = values.fromConnectData(r.topic(), r.valueSchema(), r.value());
            JsonNode tree = JSON.readTree(v);
            JsonNode payload = schemas ? tree.path("payload") : tree;
            assertEquals(((Struct) r.value()).getString("grant_id"), payload.path("grant_id").asText());
            assertTrue(payload.path(NylasSchemas.OBSERVED_AT).isNumber(), "timestamps are epoch millis");
            assertTrue(JSON.readTree(k).toString().contains("\"g1\""));
            if (schemas) {
                assertEquals(r.valueSchema().name(), tree.path("schema").path("name").asText());
                assertEquals(1, tree.path("schema").path("version").asInt());
                SchemaAndValue back = values.toConnectData(r.topic(), v);
                assertEquals(r.value(), back.value(), "schemas on: the Struct comes back equal");
            }
        }
    }

    @Test
    void everySchemaAndRecordConvertsToAvroAndBack() throws Exception {
        AvroData avro = new AvroData(100);
        for (SourceRecord r : sampleRecords()) {
            for (boolean key : new boolean[]{true, false}) {
                Schema schema = key ? r.keySchema() : r.valueSchema();
                Object value = key ? r.key() : r.value();
                org.apache.avro.Schema avroSchema = avro.fromConnectSchema(schema);
                assertEquals(org.apache.avro.Schema.Type.RECORD, avroSchema.getType());
                assertEquals(schema.name(), avroSchema.getFullName(), "the Connect name becomes the Avro name");
                Object avroValue = avro.fromConnectData(schema, value);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                BinaryEncoder enc = EncoderFactory.get().binaryEncoder(bytes, null);
                new GenericDatumWriter<>(avroSchema).write(avroValue, enc);
                enc.flush();
                Object read = new GenericDatumReader<>(avroSchema)
                        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
                SchemaAndValue back = avro.toConnectData(avroSchema, read);
                assertEquals(value, back.value(), schema.name());
            }
        }
    }

    static List<SourceRecord> sampleRecords() throws Exception {
        StreamPartition p = StreamPartition.messages("g1");
        return List.of(
                RECORDS.object(ObjectStream.MESSAGES, JSON.readTree(MESSAGE), "created", NylasSchemas.VIA_WINDOW, p,
                        new SourceOffset(1, "m1")),
                RECORDS.object(ObjectStream.EVENTS, JSON.readTree(EVENT), "updated", NylasSchemas.VIA_WEBHOOK, null,
                        null),
                RECORDS.contact(JSON.readTree(CONTACT), "updated", NOW, NylasSchemas.VIA_WINDOW, null, null),
                RECORDS.deleted(ObjectStream.MESSAGES, "g1", null, "m2", NOW, NylasSchemas.VIA_WEBHOOK, null, null),
                RECORDS.grantStatus("g1", "expired", "ada@acme.test", "google", "grant.expired",
                        NylasSchemas.VIA_WEBHOOK));
    }
}
