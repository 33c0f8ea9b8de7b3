package io.nylassf.connect.source.salesforce.offset;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectOffsetTest {
    @Test
    void roundTripsThroughItsMap() {
        ObjectOffset o = new ObjectOffset(Instant.parse("2026-01-05T09:00:00.123Z"), "00T000000000001AAA");
        Map<String, Object> m = o.toMap();
        assertEquals(1, m.get("v"));
        assertEquals(o, ObjectOffset.fromMap(m));
        assertEquals(Map.of("sobject", "Task"), ObjectOffset.partition("Task"));
    }

    @Test
    void acceptsWhatAnOperatorTypesAndRejectsTheRest() {
        ObjectOffset typed = ObjectOffset.fromMap(Map.of("system_modstamp", "2026-01-05T00:00:00Z"));
        assertNull(typed.lastId());
        assertThrows(IllegalArgumentException.class, () -> ObjectOffset.fromMap(Map.of("system_modstamp", "yesterday")));
        assertThrows(IllegalArgumentException.class, () -> ObjectOffset.fromMap(Map.of("watermark", "2026-01-05T00:00:00Z")));
        assertThrows(IllegalArgumentException.class,
                () -> ObjectOffset.fromMap(Map.of("system_modstamp", "2026-01-05T00:00:00Z", "v", 2)));
        assertThrows(IllegalArgumentException.class,
                () -> ObjectOffset.fromMap(Map.of("system_modstamp", "2026-01-05T00:00:00Z", "last_id", "x")));
        assertThrows(IllegalArgumentException.class, () -> ObjectOffset.fromMap(Map.of("system_modstamp", 5)));
        assertEquals("Task", ObjectOffset.partitionObject(Map.of("sobject", "Task")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ObjectOffset.partitionObject(Map.of("object", "Task")));
        assertTrue(e.getMessage().contains("sobject"));
    }
}
