package io.nylassf.connect.source.nylas.webhook;

import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A miss: a change a window found that no notification announced, recent enough that one should have. */
class MissDetectorTest {
    private static final RecordMapper MAPPER = new RecordMapper(new BodyPolicy(1_000, false));
    private static final long STARTED = 1_000_000_000_000L;

    @Test
    void aChangeNoNotificationAnnouncedIsAMissOnceItsGraceHasPassed() {
        MissDetector d = new MissDetector(STARTED, 120_000, 10);
        SourceRecord seen = record("m1", STARTED + 1_000);
        SourceRecord unseen = record("m2", STARTED + 1_000);
        d.announced(record("m1", STARTED + 1_000));
        assertFalse(d.missed(seen, STARTED + 600_000), "announced by a notification");
        assertTrue(d.missed(unseen, STARTED + 600_000), "found only by the window");
        assertFalse(d.missed(unseen, STARTED + 60_000), "its notification may still be on its way");
        assertFalse(d.missed(record("m3", STARTED - 1), STARTED + 600_000), "older than the task: backfill");
    }

    @Test
    void itsMemoryOfAnnouncementsIsBounded() {
        MissDetector d = new MissDetector(STARTED, 0, 2);
        d.announced(record("a", STARTED));
        d.announced(record("b", STARTED));
        d.announced(record("c", STARTED));
        assertTrue(d.missed(record("a", STARTED), STARTED + 1), "the oldest announcement was forgotten");
        assertFalse(d.missed(record("c", STARTED), STARTED + 1));
    }

    private static SourceRecord record(String id, long modifiedMs) {
        Map<String, Object> json = Map.of("id", id, "grant_id", "g1", "date", modifiedMs / 1000);
        Struct value = MAPPER.message(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(json),
                NylasSchemas.CREATED, NylasSchemas.VIA_WINDOW, Instant.ofEpochMilli(modifiedMs));
        return new SourceRecord(Map.of(), Map.of(), "t", null, NylasSchemas.KEY, MAPPER.key("g1", "message", id),
                NylasSchemas.MESSAGE, value);
    }
}
