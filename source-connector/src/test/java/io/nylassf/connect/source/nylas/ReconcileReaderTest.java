package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.source.nylas.mapping.BodyPolicy;
import io.nylassf.connect.source.nylas.mapping.RecordFactory;
import io.nylassf.connect.source.nylas.mapping.RecordMapper;
import io.nylassf.connect.source.nylas.mapping.Topics;
import io.nylassf.connect.source.nylas.offset.ObjectStream;
import io.nylassf.connect.source.nylas.offset.ReconcileOffset;
import io.nylassf.connect.source.nylas.read.ReconcileReader;
import io.nylassf.testkit.nylas.NylasEmulator;
import io.nylassf.testkit.nylas.NylasMessage;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reconciliation state machine against the emulator: what it re-reads, its offsets, and its schedule. */
class ReconcileReaderTest {
    private static final long DAY_MS = 86_400_000L;
    private static final long INTERVAL_MS = DAY_MS;
    private static NylasEmulator nylas;
    private static NylasClient client;
    private static final RecordFactory RECORDS = new RecordFactory(new Topics("t"),
            new RecordMapper(new BodyPolicy(1_000, false)), Clock.systemUTC());

    @BeforeAll
    static void start() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).build().start();
        client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        client.close();
        nylas.close();
    }

    private static ReconcileReader reader(String grant, ReconcileOffset last, long startedMs, List<long[]> runs) {
        return new ReconcileReader(grant, List.of(ObjectStream.MESSAGES), List.of("primary"), client, RECORDS, 2,
                INTERVAL_MS, 7, 0, last, startedMs, (g, records, calls) -> runs.add(new long[]{records, calls}));
    }

    private static List<SourceRecord> run(ReconcileReader r, long now) {
        List<SourceRecord> out = new ArrayList<>();
        long due = r.readyAt();
        for (int i = 0; i < 1_000 && r.readyAt() <= now; i++) {
            out.addAll(r.step(now, 100));
        }
        assertTrue(r.readyAt() > now, "the run ended (was due at " + due + ")");
        return out;
    }

    @Test
    void reReadsTheLookbackPageByPageAndOnlyTheRunsLastRecordCarriesItsOffset() {
        String grant = nylas.createGrant("reconcile@example.com", "google");
        long now = System.currentTimeMillis();
        long s = now / 1000;
        for (long age : new long[]{3_600, 2 * 86_400, 3 * 86_400, 6 * 86_400, 8 * 86_400}) {
            nylas.addMessage(grant, NylasMessage.create().subject("age " + age).date(s - age));
        }
        List<long[]> runs = new ArrayList<>();
        ReconcileReader r = reader(grant, null, now - INTERVAL_MS, runs);
        List<SourceRecord> out = run(r, now);

        assertEquals(4, out.size(), "the four messages of the last 7 days, not the one 8 days old");
        for (SourceRecord rec : out) {
            assertEquals("reconcile", ((Struct) rec.value()).getString("observed_via"));
        }
        for (SourceRecord rec : out.subList(0, 3)) {
            assertNull(rec.sourcePartition(), "no run stored yet: no partition, so no offset is erased");
            assertNull(rec.sourceOffset());
        }
        SourceRecord last = out.get(3);
        assertEquals(ReconcileOffset.partition(grant), last.sourcePartition());
        assertEquals(s, ReconcileOffset.fromMap(last.sourceOffset()).lastRunSeconds());
        assertEquals(1, runs.size());
        assertEquals(4, runs.get(0)[0]);
        assertTrue(runs.get(0)[1] >= 2 && runs.get(0)[1] <= 3, "pages of 2: one call per page");
        assertEquals(now + INTERVAL_MS, r.readyAt(), "the next run one interval later");

        // the next run's records carry this run's offset until its own last record
        List<SourceRecord> again = run(r, now + INTERVAL_MS);
        assertEquals(s, ReconcileOffset.fromMap(again.get(0).sourceOffset()).lastRunSeconds());
        assertEquals((now + INTERVAL_MS) / 1000,
                ReconcileOffset.fromMap(again.get(again.size() - 1).sourceOffset()).lastRunSeconds());
    }

    @Test
    void aRestartNeitherRepeatsNorSkipsARun() {
        long now = System.currentTimeMillis();
        long lastRun = now / 1000 - 3_600;
        ReconcileReader resumed = reader("g-resumed", new ReconcileOffset(lastRun), now, new ArrayList<>());
        assertEquals(lastRun * 1000 + INTERVAL_MS, resumed.readyAt(), "one interval after the stored run");

        ReconcileReader overdue = reader("g-overdue", new ReconcileOffset(lastRun - 86_400), now, new ArrayList<>());
        assertTrue(overdue.readyAt() <= now, "a run the restart missed is due at once");
    }

    @Test
    void grantsNeverReconciledAreSpreadOverTheInterval() {
        long now = System.currentTimeMillis();
        int[] buckets = new int[10];
        for (int i = 0; i < 10_000; i++) {
            long at = reader("grant-" + i, null, now, new ArrayList<>()).readyAt() - now;
            assertTrue(at >= 0 && at < INTERVAL_MS);
            buckets[(int) (at * 10 / INTERVAL_MS)]++;
        }
        for (int b : buckets) {
            assertTrue(b > 800 && b < 1_200, "each tenth of the interval holds about 1,000 of 10,000 grants: "
                    + java.util.Arrays.toString(buckets));
        }
    }

    @Test
    void offsetsSubmittedThroughTheRestApiAreChecked() {
        assertEquals("g", ReconcileOffset.grantOf(Map.of("grant", "g", "reconcile", "all")));
        assertThrows(IllegalArgumentException.class, () -> ReconcileOffset.grantOf(Map.of("grant", "g",
                "reconcile", "some")));
        assertThrows(IllegalArgumentException.class, () -> ReconcileOffset.fromMap(Map.of("v", 1,
                "last_run", 1_700_000_000_000L)));
        assertEquals(new ReconcileOffset(5), ReconcileOffset.fromMap(Map.of("v", 1, "last_run", 5)));
    }
}
