package io.nylassf.connect.source.salesforce.read;

import io.nylassf.connect.source.salesforce.offset.ObjectOffset;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoqlWindowTest {
    private static final List<String> FIELDS = List.of("Id", "SystemModstamp", "Subject");

    @Test
    void firstWindowReadsFromTheBeginningOrTheStartInstant() {
        assertEquals("SELECT Id, SystemModstamp, Subject FROM Task ORDER BY SystemModstamp, Id LIMIT 100",
                SoqlWindow.query("Task", FIELDS, null, null, 100));
        assertEquals("SELECT Id, SystemModstamp, Subject FROM Task WHERE SystemModstamp >= 2026-01-05T00:00:00.000Z "
                + "ORDER BY SystemModstamp, Id LIMIT 100",
                SoqlWindow.query("Task", FIELDS, null, Instant.parse("2026-01-05T00:00:00Z"), 100));
    }

    @Test
    void laterWindowsUseTheMillisecondBucketAndTheIdTieBreaker() {
        ObjectOffset o = new ObjectOffset(Instant.parse("2026-01-05T09:00:00.123456Z"), "00T000000000001AAA");
        String q = SoqlWindow.query("Task", FIELDS, o, null, Instant.parse("2026-01-05T09:05:00.000999Z"), 10);
        assertEquals("SELECT Id, SystemModstamp, Subject FROM Task WHERE (SystemModstamp >= 2026-01-05T09:00:00.124Z"
                + " OR (SystemModstamp >= 2026-01-05T09:00:00.123Z AND SystemModstamp < 2026-01-05T09:00:00.124Z"
                + " AND Id > '00T000000000001AAA')) AND SystemModstamp <= 2026-01-05T09:05:00.000Z"
                + " ORDER BY SystemModstamp, Id LIMIT 10", q);
        assertTrue(SoqlWindow.query("Task", FIELDS, new ObjectOffset(o.systemModstamp(), null), null, 10)
                .contains("WHERE SystemModstamp >= 2026-01-05T09:00:00.124Z ORDER BY"));
    }

    @Test
    void defaultFieldListsStartWithTheSystemFieldsAndTakeExtras() {
        ObjectFields f = ObjectFields.withExtras(List.of("Task.Who.Title", "Lead.Company", "task.subject"));
        List<String> task = f.select("Task");
        assertEquals(ObjectFields.SYSTEM, task.subList(0, ObjectFields.SYSTEM.size()));
        assertTrue(task.contains("Owner.Email"), task.toString());
        // Who is polymorphic: its fields come from the Contact or Lead through TYPEOF, never through Name
        assertTrue(task.contains("TYPEOF Who WHEN Contact THEN Email, Name, Title WHEN Lead THEN Email, Name, Title END"),
                task.toString());
        assertTrue(task.stream().noneMatch(x -> x.startsWith("Who.")), task.toString());
        assertEquals(1, task.stream().filter("Subject"::equalsIgnoreCase).count());
        assertEquals(List.of("Id", "IsDeleted", "CreatedDate", "LastModifiedDate", "LastModifiedById",
                "SystemModstamp", "Company"), f.select("Lead"));
    }
}
