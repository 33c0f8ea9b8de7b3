package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.event;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.T1;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.T2;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.item;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.planners;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.sf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recurring series: one Event per occurrence, linked to the series; the master never becomes an Event. */
class RecurringEventPlannerTest {
    static final Instant START = Instant.parse("2026-04-06T14:00:00Z");

    static Struct occurrence(String id, String change, Instant modified) {
        return event(id, "Weekly", START, START.plusSeconds(1800), List.of("ann@acme.com"), null, change, modified)
                .put("master_event_id", "series-1");
    }

    @Test
    void eachOccurrenceIsItsOwnEventCarryingTheSeriesId() {
        Plan plan = planners(Map.of()).events().plan(List.of(item(occurrence("series-1_20260406T140000Z",
                "updated", T1)), item(occurrence("series-1_20260413T140000Z", "updated", T1))),
                new OrgSnapshot.Builder().build());
        assertEquals(2, plan.writes().size());
        for (Planned p : plan.writes()) {
            WriteOp op = p.op();
            assertEquals(WriteOp.Action.UPSERT, op.action());
            assertTrue(op.extIdValue().startsWith("series-1_"));
            assertEquals("series-1", op.fields().get("Nylas_Series_Id__c"));
        }
    }

    @Test
    void theMasterIsSkippedNotFlattenedIntoOneEvent() {
        Struct master = event("series-1", "Weekly", START, START.plusSeconds(1800), List.of("ann@acme.com"), null,
                "updated", T1).put("recurrence", List.of("RRULE:FREQ=WEEKLY"));
        Plan plan = planners(Map.of()).events().plan(List.of(item(master)), new OrgSnapshot.Builder().build());
        assertTrue(plan.writes().isEmpty());
        assertEquals(1, plan.tally().skipped());
    }

    @Test
    void aCancelledOccurrenceRemovesItsEvent() {
        OrgSnapshot org = new OrgSnapshot.Builder().byExt("Event", "Nylas_Event_Id__c", sf("Event", "00UOCC",
                "Nylas_Event_Id__c", "series-1_20260406T140000Z", "Subject", "Weekly", "ShowAs", "Busy")).build();
        Plan plan = planners(Map.of()).events().plan(List.of(item(occurrence("series-1_20260406T140000Z",
                "updated", T2).put("status", "cancelled"))), org);
        assertEquals(WriteOp.Action.DELETE, plan.writes().get(0).op().action());
        assertEquals("00UOCC", plan.writes().get(0).op().id());
    }

    @Test
    void aDeletedSeriesRemovesEveryOccurrencesEvent() {
        OrgSnapshot.Builder b = new OrgSnapshot.Builder();
        for (String id : List.of("00UOC1", "00UOC2")) {
            b.byExt(EventPlanner.SERIES, "Nylas_Series_Id__c", sf("Event", id, "Nylas_Event_Id__c",
                    "series-1_" + id, "Nylas_Series_Id__c", "series-1", "Subject", "Weekly", "ShowAs", "Busy"));
        }
        Struct deleted = event("series-1", "Weekly", START, START.plusSeconds(1800), List.of(), null, "deleted", T2);
        Plan plan = planners(Map.of()).events().plan(List.of(item(deleted)), b.build());
        assertEquals(List.of("00UOC1", "00UOC2"), plan.writes().stream().map(p -> p.op().id()).sorted().toList());
        plan.writes().forEach(p -> assertEquals(WriteOp.Action.DELETE, p.op().action()));
    }

    @Test
    void withoutASeriesFieldOccurrencesAreWrittenWithoutIt() {
        Plan plan = planners(Map.of("salesforce.event.series.field", "")).events().plan(List.of(item(occurrence(
                "series-1_20260406T140000Z", "updated", T1))), new OrgSnapshot.Builder().build());
        assertFalse(plan.writes().get(0).op().fields().containsKey("Nylas_Series_Id__c"));
    }
}
