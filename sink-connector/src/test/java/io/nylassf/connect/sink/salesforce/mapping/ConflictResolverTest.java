package io.nylassf.connect.sink.salesforce.mapping;

import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver.Outcome;
import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver.Resolution;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Last-write-wins, field ownership and the conservative default. */
class ConflictResolverTest {
    static final String MOD = "Nylas_Modified_At__c";
    static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2026-01-02T00:00:00Z");

    final ConflictResolver conservative = new ConflictResolver(FieldOwnership.conservative(), MOD);
    final ConflictResolver titleOwned = new ConflictResolver(new FieldOwnership().nylasOwns("Contact",
            List.of("Title")), MOD);

    static Map<String, Object> rec(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void createWritesEverythingAndStampsTheSourceTime() {
        Resolution r = conservative.resolve("Contact", rec("LastName", "Ng"), null, T1, Set.of(), Set.of());
        assertEquals(Outcome.CREATE, r.outcome());
        assertEquals("2026-01-01T00:00:00Z", r.changes().get(MOD));
    }

    @Test
    void anOlderChangeNeverOverwritesNewerData() {
        Map<String, Object> existing = rec("Id", "003A", "Title", "VP", MOD, "2026-01-02T00:00:00.000+0000");
        Resolution r = titleOwned.resolve("Contact", rec("Title", "Intern"), existing, T1, Set.of(), Set.of());
        assertEquals(Outcome.STALE, r.outcome());
    }

    @Test
    void theSameChangeReplayedIsUnchanged() {
        Map<String, Object> existing = rec("Id", "003A", "Title", "VP", MOD, "2026-01-02T00:00:00.000+0000");
        assertEquals(Outcome.UNCHANGED, titleOwned.resolve("Contact", rec("Title", "VP"), existing, T2, Set.of(),
                Set.of()).outcome());
    }

    @Test
    void conservativeDefaultFillsEmptyFieldsOnly() {
        Map<String, Object> existing = rec("Id", "003A", "Title", "Typed by a rep", "Phone", null, MOD, null);
        Resolution r = conservative.resolve("Contact", rec("Title", "CTO", "Phone", "+1 555"), existing, T2,
                Set.of(), Set.of());
        assertEquals(Outcome.UPDATE, r.outcome());
        assertEquals("+1 555", r.changes().get("Phone"));
        assertFalse(r.changes().containsKey("Title"));
        assertEquals(List.of("Title"), r.protectedFields());
    }

    @Test
    void nylasOwnedFieldsAreUpdated() {
        Map<String, Object> existing = rec("Id", "003A", "Title", "VP", "Phone", "+1 1", MOD, "2026-01-01T00:00:00Z");
        Resolution r = titleOwned.resolve("Contact", rec("Title", "CTO", "Phone", "+1 2"), existing, T2, Set.of(),
                Set.of());
        assertEquals("CTO", r.changes().get("Title"));
        assertFalse(r.changes().containsKey("Phone"), "Phone is Salesforce-owned and not empty");
        assertEquals("2026-01-02T00:00:00Z", r.changes().get(MOD));
    }

    @Test
    void starOwnsEverythingAndCreateOnlyFieldsAreNeverUpdated() {
        ConflictResolver all = new ConflictResolver(new FieldOwnership().nylasOwns("Task", List.of("*")), MOD);
        Map<String, Object> existing = rec("Id", "00TA", "Subject", "Old", "TaskSubtype", "Task");
        Resolution r = all.resolve("Task", rec("Subject", "New", "TaskSubtype", "Email"), existing, T2, Set.of(),
                Set.of("TaskSubtype"));
        assertEquals(rec("Subject", "New", MOD, "2026-01-02T00:00:00Z"), r.changes());
    }

    @Test
    void datetimesAndIdsCompareByValue() {
        ConflictResolver all = new ConflictResolver(new FieldOwnership().nylasOwns("Event", List.of("*")), null);
        Map<String, Object> existing = rec("StartDateTime", "2026-01-01T10:00:00.000+0000",
                "WhoId", "003000000000001AAA");
        assertEquals(Outcome.UNCHANGED, all.resolve("Event", rec("StartDateTime", "2026-01-01T10:00:00Z",
                "WhoId", "003000000000001"), existing, null, Set.of(), Set.of()).outcome());
    }

    @Test
    void externalIdIsAlwaysWrittenWhenLinking() {
        Map<String, Object> existing = rec("Id", "003A", "Nylas_Contact_Id__c", null, "Email", "a@b.com");
        Resolution r = conservative.resolve("Contact", rec("Nylas_Contact_Id__c", "n1", "Email", "a@b.com"),
                existing, null, Set.of("Nylas_Contact_Id__c"), Set.of());
        assertEquals(rec("Nylas_Contact_Id__c", "n1"), r.changes());
    }

    // ---------------------------------------------------------------- record-level provenance (LastModifiedById)

    static final String SINK_USER = "005000000000001AAA";
    static final String REP_USER = "005000000000002AAA";
    final ConflictResolver withProvenance = new ConflictResolver(FieldOwnership.conservative(), MOD, SINK_USER);

    @Test
    void aRecordTheSinkWroteLastFollowsNylasForEveryMappedField() {
        Map<String, Object> existing = rec("Id", "003A", "Title", "CTO", "Phone", "1", "LastModifiedById", SINK_USER,
                MOD, "2026-01-01T00:00:00.000+0000");
        Resolution r = withProvenance.resolve("Contact", rec("Title", "CEO", "Phone", "1"), existing, T2, Set.of(),
                Set.of());
        assertEquals(Outcome.UPDATE, r.outcome());
        assertEquals("CEO", r.changes().get("Title"));
        assertFalse(r.changes().containsKey("Phone"), "unchanged values are not sent");
        assertEquals(List.of(), r.protectedFields());
    }

    @Test
    void aRecordSomeoneElseTouchedLastKeepsTypedValuesAndOnlyFillsEmptyOnes() {
        Map<String, Object> existing = rec("Id", "003A", "Title", "Typed VP", "Phone", null,
                "LastModifiedById", REP_USER, MOD, "2026-01-01T00:00:00.000+0000");
        Resolution r = withProvenance.resolve("Contact", rec("Title", "CEO", "Phone", "2"), existing, T2, Set.of(),
                Set.of());
        assertEquals(Outcome.UPDATE, r.outcome());
        assertFalse(r.changes().containsKey("Title"));
        assertEquals("2", r.changes().get("Phone"));
        assertEquals(List.of("Title"), r.protectedFields());
    }

    @Test
    void provenanceNeverOverridesLastWriteWinsAndIsOffWhenTheSinkUserIsUnknown() {
        Map<String, Object> newer = rec("Id", "003A", "Title", "CTO", "LastModifiedById", SINK_USER,
                MOD, "2026-01-02T00:00:00.000+0000");
        assertEquals(Outcome.STALE, withProvenance.resolve("Contact", rec("Title", "Old"), newer, T1, Set.of(),
                Set.of()).outcome());
        Map<String, Object> ours = rec("Id", "003A", "Title", "CTO", "LastModifiedById", SINK_USER);
        assertEquals(List.of("Title"), conservative.resolve("Contact", rec("Title", "CEO"), ours, T2, Set.of(),
                Set.of()).protectedFields(), "without a known sink user the conservative rule applies");
        // 15- and 18-character forms of the same ID match
        assertEquals("CEO", withProvenance.resolve("Contact", rec("Title", "CEO"), rec("Id", "003A", "Title", "CTO",
                "LastModifiedById", SINK_USER.substring(0, 15)), T2, Set.of(), Set.of()).changes().get("Title"));
        assertFalse(withProvenance.lastWrittenBySink(rec("LastModifiedById", null)));
    }
}
