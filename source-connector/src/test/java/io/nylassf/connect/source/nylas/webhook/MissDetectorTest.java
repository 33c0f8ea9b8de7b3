package io.nylassf.connect.source.nylas.webhook;

import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A miss: a change a window found that no notification announced, recent enough that one should have. */
class MissDetectorTest {
    private static final RecordMapper MAPPER = new RecordMapper(new BodyPolicy(1_000, false));
    private static final long STARTED = 1_000_000_000_000L;

    @Test
    void aChangeNoNotificationAnnouncedIsAMissOnceItsGraceHasPassed() {
        MissDetector d = new MissDetector(STARTED, 120_000, 10);
        d.announced(record("m1", STARTED + 1_000));
        d.found(record("m1", STARTED + 1_000));
        d.found(record("m2", STARTED + 1_000));
        d.found(record("m3", STARTED - 1));
        assertEquals(0, d.misses(STARTED + 60_000), "a notification may still be on its way");
        assertEquals(1, d.misses(STARTED + 121_000), "m2 only: m1 was announced, m3 predates the task");
        assertEquals(0, d.misses(STARTED + 600_000), "a miss is counted once");
    }

    @Test
    void aNotificationArrivingAfterTheWindowClearsTheSuspect() {
        MissDetector d = new MissDetector(STARTED, 120_000, 10);
        d.found(record("late", STARTED + 1_000));
        d.announced(record("late", STARTED + 1_000));
        assertEquals(0, d.misses(STARTED + 600_000));
    }

    @Test
    void aReconciliationsRecordIsNoMiss() {
        MissDetector d = new MissDetector(STARTED, 0, 10);
        d.found(record("r1", STARTED + 1_000, NylasSchemas.VIA_RECONCILE));
        assertEquals(0, d.misses(STARTED + 600_000), "reconciliation re-reads: no evidence about webhooks");
    }

    @Test
    void itsMemoryOfAnnouncementsIsBounded() {
        MissDetector d = new MissDetector(STARTED, 0, 2);
        d.announced(record("a", STARTED));
        d.announced(record("b", STARTED));
        d.announced(record("c", STARTED));
        d.found(record("a", STARTED));
        d.found(record("c", STARTED));
        assertEquals(1, d.misses(STARTED + 1), "the oldest announcement was forgotten: a is a suspect again");
    }

    private static SourceRecord record(String id, long modifiedMs) {
        return record(id, modifiedMs, NylasSchemas.VIA_WINDOW);
    }

    private static SourceRecord record(String id, long modifiedMs, String via) {
        Map<String, Object> json = Map.of("id", id, "grant_id", "g1", "date", modifiedMs / 1000);
        Struct value = MAPPER.message(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(json),
                NylasSchemas.CREATED, via, Instant.ofEpochMilli(modifiedMs));
        return new SourceRecord(Map.of(), Map.of(), "t", null, NylasSchemas.KEY, MAPPER.key("g1", "message", id),
                NylasSchemas.MESSAGE, value);
    }
}
