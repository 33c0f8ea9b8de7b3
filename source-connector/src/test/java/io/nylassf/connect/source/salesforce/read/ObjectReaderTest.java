package io.nylassf.connect.source.salesforce.read;

import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.source.salesforce.mapping.ChangeRow;
import io.nylassf.testkit.nylas.MutableClock;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Windows run against the emulator's SOQL engine (queryAll semantics): every change once, in order. */
class ObjectReaderTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private static SalesforceEmulator sf;

    @BeforeAll
    static void start() {
        sf = SalesforceEmulator.builder().clock(CLOCK).build();
    }

    @AfterAll
    static void stop() {
        sf.close();
    }

    @BeforeEach
    void clear() {
        sf.org().clear();
    }

    private static ObjectReader reader(int limit) {
        return reader(limit, 0);
    }

    private static ObjectReader reader(int limit, long lagMs) {
        return new ObjectReader("Task", ObjectFields.withExtras(List.of()).select("Task"), null, null, limit, lagMs);
    }

    /** Reads windows at the emulator's current time until the reader waits for its interval. */
    private static List<ChangeRow> drain(ObjectReader r) {
        List<ChangeRow> all = new ArrayList<>();
        long now = CLOCK.millis();
        for (int i = 0; i < 1_000; i++) {
            List<ChangeRow> rows = r.read(q -> sf.org().queryAll(q).records(), now, 1_000);
            all.addAll(rows);
            if (r.dueAtMs() > now) {
                return all;
            }
        }
        throw new AssertionError("never caught up");
    }

    @Test
    void aRowCommittedLateWithAnEarlierStampIsReadWithinTheLag() {
        Instant t = CLOCK.instant();
        String visible = sf.org().insert("Task", Map.of("Subject", "committed at once"));
        CLOCK.advance(Duration.ofSeconds(1));
        ObjectReader r = reader(100, 5_000);
        assertEquals(List.of(), drain(r), "inside the lag: not read yet");
        // a long transaction commits a row stamped before the one already visible
        CLOCK.set(t.minusSeconds(2));
        String late = sf.org().insert("Task", Map.of("Subject", "committed late"));
        CLOCK.set(t.plusSeconds(10));
        assertEquals(List.of(late, visible), drain(r).stream().map(ChangeRow::id).toList());

        ObjectReader noLag = reader(100, 0);
        sf.org().clear();
        CLOCK.set(t.plusSeconds(20));
        String first = sf.org().insert("Task", Map.of("Subject", "first"));
        assertEquals(List.of(first), drain(noLag).stream().map(ChangeRow::id).toList());
        CLOCK.set(t.plusSeconds(19));
        sf.org().insert("Task", Map.of("Subject", "late, without a lag"));
        CLOCK.set(t.plusSeconds(30));
        assertEquals(List.of(), drain(noLag), "without a lag the watermark has passed the late row: lost");
    }

    @Test
    void readsEveryRowOnceAcrossSmallWindowsEvenWhenStampsCollide() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            ids.add(sf.org().insert("Task", Map.of("Subject", "t" + i)));
            if (i % 4 == 0) {
                CLOCK.advance(Duration.ofMillis(1));   // buckets of one to four rows sharing a stamp
            }
        }
        ObjectReader r = reader(3);
        List<ChangeRow> rows = drain(r);
        assertEquals(25, rows.size());
        assertEquals(ids, new HashSet<>(rows.stream().map(ChangeRow::id).toList()));
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(!rows.get(i).systemModstamp().isBefore(rows.get(i - 1).systemModstamp()), "oldest first");
        }
        assertEquals(List.of(), drain(r), "nothing new");
    }

    @Test
    void aWholePageInOneBucketMovesOnByIdAndSeesUpdatesAndDeletes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(sf.org().insert("Task", Map.of("Subject", "same-ms-" + i)));
        }
        ObjectReader r = reader(2);
        assertEquals(7, drain(r).size());
        assertTrue(drain(r).isEmpty());

        CLOCK.advance(Duration.ofSeconds(1));
        sf.org().update("Task", ids.get(2), Map.of("Subject", "edited"));
        CLOCK.advance(Duration.ofSeconds(1));
        sf.org().delete("Task", ids.get(3));
        List<ChangeRow> changes = drain(r);
        assertEquals(2, changes.size());
        assertEquals(SalesforceSchemas.UPDATED, changes.get(0).changeType());
        assertEquals("edited", changes.get(0).fields().get("Subject"));
        assertEquals(SalesforceSchemas.DELETED, changes.get(1).changeType());
        assertEquals(ids.get(3), changes.get(1).id());
    }

    @Test
    void flattensRelationshipsAndTellsCreatesFromUpdates() {
        String contact = sf.org().insert("Contact", Map.of("LastName", "Lovelace", "Email", "ada@acme.test"));
        sf.org().insert("Task", Map.of("Subject", "hello", "WhoId", contact, "TaskSubtype", "Email"));
        ChangeRow row = drain(reader(10)).get(0);
        assertEquals(SalesforceSchemas.CREATED, row.changeType());
        assertEquals("ada@acme.test", row.fields().get("Who.Email"));
        assertEquals("integration@nylassf.example", row.fields().get("Owner.Email"));
        assertEquals(sf.org().integrationUserId(), row.lastModifiedById());
        assertEquals("Email", row.fields().get("TaskSubtype"));
    }
}
