package io.nylassf.connect.sink.salesforce.record;

import io.nylassf.connect.sink.record.RecordDecodeException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the decoder refuses before a record costs a Salesforce call (schemaless maps; Structs read the same). */
class NylasRecordDecoderTest {
    private final NylasRecordDecoder decoder = new NylasRecordDecoder();

    private static SinkRecord record(String topic, Map<String, Object> value) {
        return new SinkRecord(topic, 0, null, null, null, value, 7);
    }

    private static Map<String, Object> event(String id) {
        Map<String, Object> e = new HashMap<>(Map.of("grant_id", "g-1", "id", id, "title", "Demo",
                "status", "confirmed", "change_type", "updated"));
        e.put("when", Map.of("object", "timespan", "start_time", 1_780_000_000L, "end_time", 1_780_003_600L));
        return e;
    }

    private String refusal(String topic, Map<String, Object> value) {
        return assertThrows(RecordDecodeException.class, () -> decoder.decode(record(topic, value))).code();
    }

    @Test
    void anIdNoNylasObjectCarriesIsRefused() {
        assertEquals("INVALID_ID", refusal("nylas.events", event("x".repeat(256))));
        assertEquals("MISSING_ID", refusal("nylas.events", event("")));
        assertEquals("INVALID_ID", refusal("nylas.events", event(" ")));
        assertEquals("INVALID_ID", refusal("nylas.events", event("abc def")));
        assertEquals("INVALID_ID", refusal("nylas.messages", Map.of("grant_id", "g-1", "id", "a\nb")));
        // provider ids are long and carry punctuation (Microsoft's are base64-like): those pass
        assertEquals("AAMkAGI2TG93AAA=-_/+x", decoder.decode(record("nylas.events",
                event("AAMkAGI2TG93AAA=-_/+x"))).id());
    }

    @Test
    void aLiveEventMustSayWhenItIs() {
        Map<String, Object> notAnObject = event("e-1");
        notAnObject.put("when", "the day after tomorrow");
        assertEquals("INVALID_TIME", refusal("nylas.events", notAnObject));
        Map<String, Object> without = event("e-2");
        without.remove("when");
        assertEquals("MISSING_WHEN", refusal("nylas.events", without));
        Map<String, Object> empty = event("e-3");
        empty.put("when", Map.of("object", "timespan"));
        assertEquals("MISSING_WHEN", refusal("nylas.events", empty));
        // a deletion names only the event
        Map<String, Object> deleted = event("e-4");
        deleted.remove("when");
        deleted.put("change_type", "deleted");
        assertEquals("e-4", decoder.decode(record("nylas.events", deleted)).id());
    }
}
