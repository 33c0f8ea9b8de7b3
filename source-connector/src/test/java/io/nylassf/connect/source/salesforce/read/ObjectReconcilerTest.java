package io.nylassf.connect.source.salesforce.read;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Salesforce object's reconciliation schedule and offsets (pure). */
class ObjectReconcilerTest {
    private static final long DAY = 86_400_000L;

    private static ObjectReconciler reconciler(Instant lastRun, long startedMs) {
        return new ObjectReconciler("Task", List.of("Id", "SystemModstamp"), DAY, 7 * DAY, 200, 0, lastRun, startedMs);
    }

    @Test
    void aRestartNeitherRepeatsNorSkipsARun() {
        long now = Instant.parse("2026-12-05T12:00:00Z").toEpochMilli();
        assertNull(reconciler(Instant.ofEpochMilli(now - DAY / 2), now).due(now), "ran half a day ago: not yet");
        assertNotNull(reconciler(Instant.ofEpochMilli(now - 2 * DAY), now).due(now), "overdue: at once");
        assertNull(reconciler(null, now).due(now), "never ran: the normal reads just read everything");
        assertNotNull(reconciler(null, now).due(now + DAY));
    }

    @Test
    void aRunReadsTheLookbackAndEndsOnAPageThatIsNotFull() {
        long now = Instant.parse("2026-12-05T12:00:00Z").toEpochMilli();
        ObjectReconciler r = reconciler(null, now - DAY);
        ObjectReader run = r.due(now);
        assertTrue(run.nextQuery(now).contains("SystemModstamp >= 2026-11-28T12:00:00.000Z"), run.nextQuery(now));
        run.accept(List.of());
        assertTrue(r.rowsRead(now));
        assertEquals(Instant.ofEpochMilli(now), r.lastRun());
        assertNull(r.due(now + 1), "the next run one interval later");
        assertEquals(Map.of("v", 1, "last_run", "2026-12-05T12:00:00Z"), ObjectReconciler.offset(r.lastRun()));
    }

    @Test
    void offsetsSubmittedThroughTheRestApiAreChecked() {
        assertTrue(ObjectReconciler.isPartition(Map.of("reconcile", "Task")));
        assertFalse(ObjectReconciler.isPartition(Map.of("sobject", "Task")));
        assertThrows(IllegalArgumentException.class, () -> ObjectReconciler.isPartition(Map.of("reconcile", "1x")));
        assertEquals(Instant.parse("2026-12-05T12:00:00Z"),
                ObjectReconciler.lastRun(Map.of("v", 1, "last_run", "2026-12-05T12:00:00Z")));
        assertThrows(IllegalArgumentException.class, () -> ObjectReconciler.lastRun(Map.of("v", 1, "last_run", 5)));
    }
}
