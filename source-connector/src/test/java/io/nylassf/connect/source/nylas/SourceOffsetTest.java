package io.nylassf.connect.source.nylas;

import io.nylassf.connect.source.nylas.offset.ObjectStream;
import io.nylassf.connect.source.nylas.offset.SourceOffset;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Offsets and partitions as maps, the same-second tie-breaker, and what alterOffsets accepts. */
class SourceOffsetTest {
    @Test
    void offsetRoundTripsThroughItsMapWithAVersion() {
        SourceOffset o = new SourceOffset(1_700_000_000L, "msg-42");
        Map<String, Object> map = o.toMap();
        assertEquals(Map.of("v", 1, "watermark", 1_700_000_000L, "last_id", "msg-42"), map);
        assertEquals(o, SourceOffset.fromMap(map));
        // as read back from the JSON offset store: integers may come back as Integer or Long
        assertEquals(o, SourceOffset.fromMap(Map.of("v", 1L, "watermark", 1_700_000_000L, "last_id", "msg-42")));
        assertEquals(SourceOffset.from(5), SourceOffset.fromMap(Map.of("v", 1, "watermark", 5)));
        assertNull(SourceOffset.fromMap(null));
    }

    @Test
    void tieBreakerOrdersObjectsInTheSameSecondById() {
        SourceOffset at = new SourceOffset(100, "b");
        assertFalse(at.precedes(99, "z"), "older second");
        assertFalse(at.precedes(100, "a"), "same second, smaller id: already written");
        assertFalse(at.precedes(100, "b"), "the record itself");
        assertTrue(at.precedes(100, "c"), "same second, larger id: still to write");
        assertTrue(at.precedes(101, ""), "newer second");
        assertTrue(SourceOffset.from(100).precedes(100, "a"), "an empty last_id re-reads the whole second");
    }

    @Test
    void rejectsMalformedOffsets() {
        List<Map<String, Object>> bad = List.of(
                Map.of("watermark", 1L, "last_id", "x"),
                Map.of("v", 2, "watermark", 1L),
                Map.of("v", 1, "watermark", -1L),
                Map.of("v", 1, "watermark", 1.5),
                Map.of("v", 1, "watermark", "1700000000"),
                Map.of("v", 1, "watermark", 1_700_000_000_000L),
                Map.of("v", 1, "watermark", 1L, "last_id", 7),
                Map.of("v", 1, "watermark", 1L, "cursor", "abc"));
        for (Map<String, Object> m : bad) {
            assertThrows(IllegalArgumentException.class, () -> SourceOffset.fromMap(m), m.toString());
        }
    }

    @Test
    void partitionsRoundTripAndRejectWhatWeNeverWrite() {
        for (StreamPartition p : List.of(StreamPartition.messages("g1"), StreamPartition.contacts("g1"),
                StreamPartition.events("g1", "primary"))) {
            assertEquals(p, StreamPartition.fromMap(p.toMap()));
        }
        assertEquals(Map.of("grant", "g1", "object", "events", "calendar", "cal"),
                StreamPartition.events("g1", "cal").toMap());
        assertEquals(ObjectStream.MESSAGES, StreamPartition.fromMap(Map.of("grant", "g", "object", "messages")).stream());
        List<Map<String, Object>> bad = List.of(
                Map.of("object", "messages"),
                Map.of("grant", "g", "object", "threads"),
                Map.of("grant", "g", "object", "events"),
                Map.of("grant", "g", "object", "messages", "calendar", "c"),
                Map.of("grant", "g", "object", "messages", "extra", "x"),
                Map.of("grant", 5, "object", "messages"));
        for (Map<String, Object> m : bad) {
            assertThrows(IllegalArgumentException.class, () -> StreamPartition.fromMap(m), m.toString());
        }
    }

    @Test
    void alterOffsetsAcceptsResetsAndRejectsGarbage() {
        NylasSourceConnector c = new NylasSourceConnector();
        Map<Map<String, ?>, Map<String, ?>> ok = new HashMap<>();
        ok.put(Map.of("grant", "g1", "object", "messages"), Map.of("v", 1, "watermark", 1_700_000_000L, "last_id", ""));
        ok.put(Map.of("grant", "g2", "object", "events", "calendar", "primary"), null);
        assertTrue(c.alterOffsets(Map.of(), ok));

        Map<Map<String, ?>, Map<String, ?>> bad = new HashMap<>();
        bad.put(Map.of("grant", "g1", "object", "messages"), Map.of("watermark", "yesterday"));
        ConnectException e = assertThrows(ConnectException.class, () -> c.alterOffsets(Map.of(), bad));
        assertTrue(e.getMessage().contains("watermark") || e.getMessage().contains("'v'"), e.getMessage());
    }
}
