package io.nylassf.connect.sink.nylas.record;

import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.sink.record.RecordDecodeException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeDecoderTest {
    private final ChangeDecoder decoder = new ChangeDecoder(List.of("nylas-kafka-sync"));
    private static final Instant STAMP = Instant.parse("2026-01-05T09:00:00.250Z");

    private static SinkRecord record(Object value) {
        return new SinkRecord("salesforce.task", 0, null, null, null, value, 7);
    }

    @Test
    void readsTheSourcesStruct() {
        var value = SalesforceSchemas.record("Task", "00T000000000001AAA", "created", STAMP, "005000000000001AAA",
                "005000000000002AAA", null, true, Map.of("Subject", "Hi"), "soql", STAMP);
        SalesforceChange c = decoder.decode(new SinkRecord("t", 0, null, null, SalesforceSchemas.RECORD, value, 1)).get(0);
        assertEquals("Task", c.sobject());
        assertEquals(STAMP.toEpochMilli(), c.version());
        assertTrue(c.ownChange());
        assertEquals("Hi", c.field("Subject"));
        assertEquals("005000000000002AAA", c.ownerId());
    }

    @Test
    void readsSchemalessJsonWithMillisOrIsoStamps() {
        Map<String, Object> v = new HashMap<>(Map.of("sobject", "Event", "id", "00U000000000001AAA",
                "change_type", "updated", "system_modstamp", STAMP.toEpochMilli(), "fields", Map.of("Subject", "x")));
        assertEquals(STAMP.toEpochMilli(), decoder.decode(record(v)).get(0).version());
        v.put("system_modstamp", "2026-01-05T09:00:00.250+0000");
        assertEquals(STAMP.toEpochMilli(), decoder.decode(record(v)).get(0).version());
        assertEquals(List.of(), decoder.decode(record(null)), "tombstones are skipped");
        assertThrows(RecordDecodeException.class, () -> decoder.decode(record(Map.of("foo", 1))));
        assertThrows(RecordDecodeException.class, () -> decoder.decode(record("text")));
    }

    @Test
    void readsCdcEventsAndFlagsOurOwnChangeOrigin() {
        Map<String, Object> header = new HashMap<>(Map.of("entityName", "Task", "changeType", "CREATE",
                "recordIds", List.of("00T000000000001AAA", "00T000000000002AAA"),
                "commitTimestamp", STAMP.toEpochMilli(), "commitUser", "005000000000009AAA",
                "changeOrigin", "com/salesforce/api/rest/62.0"));
        Map<String, Object> payload = new HashMap<>(Map.of("ChangeEventHeader", header, "Subject", "Hi",
                "OwnerId", "005000000000002AAA"));
        List<SalesforceChange> changes = decoder.decode(record(payload));
        assertEquals(2, changes.size());
        assertEquals("created", changes.get(0).changeType());
        assertFalse(changes.get(0).ownChange());
        assertFalse(changes.get(0).partial());
        assertEquals("005000000000009AAA", changes.get(0).lastModifiedById());

        header.put("changeOrigin", "com/salesforce/api/rest/62.0;client=nylas-kafka-sync");
        header.put("changeType", "UPDATE");
        SalesforceChange own = decoder.decode(record(Map.of("payload", payload))).get(0);
        assertTrue(own.ownChange());
        assertTrue(own.partial());
        assertEquals("cdc", own.via());

        header.put("changeType", "DELETE");
        assertTrue(decoder.decode(record(Map.of("data", Map.of("payload", payload)))).get(0).deleted());
    }
}
