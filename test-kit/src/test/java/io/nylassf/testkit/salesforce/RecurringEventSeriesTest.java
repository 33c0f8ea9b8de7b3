package io.nylassf.testkit.salesforce;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A recurring Event is stored as Salesforce stores it: the master, and each occurrence an Event of its own. */
class RecurringEventSeriesTest {
    @Test
    void aWeeklySeriesStoresEachOccurrenceLinkedToItsMaster() {
        try (SalesforceEmulator sf = SalesforceEmulator.builder().build()) {
            String master = sf.org().insert("Event", Map.of("Subject", "Weekly", "StartDateTime",
                    "2026-02-02T14:00:00Z", "DurationInMinutes", 30, "IsRecurrence", true,
                    "RecurrenceType", "RecursWeekly", "RecurrenceInterval", 1, "RecurrenceDayOfWeekMask", 2 | 8,
                    "RecurrenceStartDateTime", "2026-02-02T14:00:00Z", "RecurrenceEndDateOnly", "2026-02-15"));
            List<Map<String, Object>> occ = sf.org().query("SELECT Id, Subject, StartDateTime, IsRecurrence FROM Event"
                    + " WHERE RecurrenceActivityId = '" + master + "' ORDER BY StartDateTime").records();
            // Mondays and Wednesdays from 2 to 15 February
            assertEquals(List.of("2026-02-02T14:00:00.000+0000", "2026-02-04T14:00:00.000+0000",
                    "2026-02-09T14:00:00.000+0000", "2026-02-11T14:00:00.000+0000"),
                    occ.stream().map(o -> o.get("StartDateTime")).toList());
            occ.forEach(o -> assertEquals("Weekly", o.get("Subject")));
            occ.forEach(o -> assertEquals(false, o.get("IsRecurrence")));
            assertEquals(true, sf.org().get("Event", master).get("IsRecurrence"));

            SalesforceException missing = assertThrows(SalesforceException.class, () -> sf.org().insert("Event",
                    Map.of("Subject", "x", "StartDateTime", "2026-02-02T14:00:00Z", "DurationInMinutes", 30,
                            "IsRecurrence", true, "RecurrenceType", "RecursDaily")));
            assertEquals(true, missing.getMessage().startsWith("REQUIRED_FIELD_MISSING"), missing.getMessage());
            assertThrows(SalesforceException.class, () -> sf.org().insert("Event", Map.of("Subject", "x",
                    "RecurrenceActivityId", master, "StartDateTime", "2026-02-02T14:00:00Z", "DurationInMinutes", 30)),
                    "RecurrenceActivityId is read-only");
        }
    }
}
