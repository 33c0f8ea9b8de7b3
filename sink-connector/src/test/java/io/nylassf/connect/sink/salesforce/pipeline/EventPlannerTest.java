package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.mapping.SfValues;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Event planning from decoded events and a snapshot: no Salesforce, only the planned writes. */
class EventPlannerTest {
    static final Instant START = Instant.parse("2026-04-01T15:00:00Z");

    static Item ev(String change, Instant modified) {
        return item(event("e-1", "Demo", START, START.plusSeconds(3600), List.of("ann@acme.com"), null, change,
                modified));
    }

    static OrgSnapshot existing(Instant stamp) {
        return new OrgSnapshot.Builder().byExt("Event", "Nylas_Event_Id__c", sf("Event", "00UE",
                "Nylas_Event_Id__c", "e-1", "Subject", "Demo", "ShowAs", "Busy", "Nylas_Modified_At__c",
                SfValues.dateTime(stamp))).build();
    }

    @Test
    void aNewEventNamesItsAttendee() {
        OrgSnapshot org = new OrgSnapshot.Builder().byEmail("Lead", sf("Lead", "00QA", "Email", "ann@acme.com"))
                .build();
        WriteOp op = planners(Map.of()).events().plan(List.of(ev("updated", T1)), org).writes().get(0).op();
        assertEquals(WriteOp.Action.UPSERT, op.action());
        assertEquals("e-1", op.extIdValue());
        assertEquals("00QA", op.fields().get("WhoId"));
        assertEquals("Demo", op.fields().get("Subject"));
    }

    @Test
    void aDeletedEventIsDeletedMarkedOrLeftAlone() {
        Plan delete = planners(Map.of()).events().plan(List.of(ev("deleted", T2)), existing(T1));
        assertEquals(WriteOp.Action.DELETE, delete.writes().get(0).op().action());
        assertEquals(Planned.Kind.REMOVE, delete.writes().get(0).kind());

        Plan mark = planners(Map.of("behavior.on.deleted.event", "mark")).events().plan(List.of(ev("deleted", T2)),
                existing(T1));
        WriteOp update = mark.writes().get(0).op();
        assertEquals(WriteOp.Action.UPDATE, update.action());
        assertTrue(update.fields().get("Subject").toString().startsWith("Cancelled: "), update.fields().toString());

        Plan ignore = planners(Map.of("behavior.on.deleted.event", "ignore")).events()
                .plan(List.of(ev("deleted", T2)), existing(T1));
        assertTrue(ignore.writes().isEmpty());
    }

    @Test
    void aDeletionOlderThanTheEventsLastChangeIsStale() {
        Plan stale = planners(Map.of()).events().plan(List.of(ev("deleted", T1)), existing(T2));
        assertTrue(stale.writes().isEmpty());
        assertEquals(new Tally(0, 0, 0, 1, 1), stale.tally());
    }

    static final String MEETING = "00U000000000001";

    /** The calendar copy of Salesforce meeting MEETING, written by the outbound direction at {@code synced}. */
    static Item echo(String title, Instant synced, Instant modified) {
        return item(event("e-1", title, START, START.plusSeconds(3600), List.of("ann@acme.com"), Map.of("key1",
                "sf:" + MEETING, "sf_version", "1", "sf_synced_at", Long.toString(synced.getEpochSecond())),
                "updated", modified));
    }

    static OrgSnapshot meeting(String subject) {
        return new OrgSnapshot.Builder().byExt("Event", "Nylas_Event_Id__c", sf("Event", MEETING,
                "Nylas_Event_Id__c", "e-1", "Subject", subject, "ShowAs", "Busy", "Nylas_Modified_At__c",
                SfValues.dateTime(T1), "LastModifiedById", "005REP000000001")).build();
    }

    @Test
    void theEchoOfTheOutboundWriteNeverOverwritesTheRepsNewerEdit() {
        // the outbound direction wrote "Demo v2" to the calendar; the rep has since renamed the meeting "Demo v3"
        // in Salesforce. The calendar copy coming back is that write's echo, not a calendar edit.
        Instant synced = T2;
        Plan plan = planners(Map.of()).events().plan(List.of(echo("Demo v2", synced, synced.plusSeconds(1))),
                meeting("Demo v3"));
        assertTrue(plan.writes().isEmpty(), plan.writes().toString());
    }

    @Test
    void aCalendarEditAfterTheOutboundWriteStillReachesSalesforce() {
        Instant synced = T2;
        Plan plan = planners(Map.of()).events().plan(List.of(echo("Demo moved", synced, synced.plusSeconds(600))),
                meeting("Demo"));
        assertEquals(1, plan.writes().size(), plan.toString());
        assertEquals("Demo moved", plan.writes().get(0).op().fields().get("Subject"));
    }
}
