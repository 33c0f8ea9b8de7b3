package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.sink.salesforce.record.NylasRecordDecoder;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.planners;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.sf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reconnect Task of an expired grant, planned from status records and the grant's Tasks (pure). */
class GrantTaskPlannerTest {
    static final Instant T1 = Instant.parse("2026-03-01T03:00:00Z");
    static final String EXT = "Nylas_Message_Id__c";
    static final String ANA = "005000000000ANA";

    static Item status(String status, Instant observed) {
        Struct v = new Struct(NylasSchemas.GRANT_STATUS).put("grant_id", "grant-1").put("status", status)
                .put("email", "Ana@MyCorp.com").put("reason", "401").put(NylasSchemas.OBSERVED_VIA, "window")
                .put(NylasSchemas.OBSERVED_AT, Date.from(observed));
        SinkRecord r = new SinkRecord("nylas.grants", 0, null, null, v.schema(), v, 0);
        return new Item(r, new NylasRecordDecoder().decode(r), "ana@mycorp.com");
    }

    static OrgSnapshot.Builder owned() {
        return new OrgSnapshot.Builder().owner("grant-1", new Owner(ANA, ZoneId.of("America/Los_Angeles")));
    }

    @Test
    void anExpiryBecomesOneHighPriorityTaskForTheRepKeyedByGrantAndObservedTime() {
        Plan plan = planners(Map.of()).grants().plan(List.of(status("expired", T1)), owned().build());
        WriteOp op = plan.writes().get(0).op();
        assertEquals(WriteOp.Action.UPSERT, op.action());
        assertEquals("Task", op.sobject());
        assertEquals("nylas-grant-expired:grant-1:" + T1.getEpochSecond(), op.extIdValue());
        assertEquals(ANA, op.fields().get("OwnerId"));
        assertEquals("Not Started", op.fields().get("Status"));
        assertEquals("High", op.fields().get("Priority"));
        assertEquals("2026-02-28", op.fields().get("ActivityDate"));
        assertTrue(op.fields().get("Description").toString().contains("ana@mycorp.com"));
        assertEquals(0, plan.tally().ownerFallbacks());

        Plan noUser = planners(Map.of()).grants().plan(List.of(status("expired", T1)), OrgSnapshot.EMPTY);
        assertFalse(noUser.writes().get(0).op().fields().containsKey("OwnerId"));
        assertEquals(1, noUser.tally().ownerFallbacks());
    }

    @Test
    void aReplayOrAnotherReportWhileATaskIsOpenWritesNothing() {
        String ext = GrantTaskPlanner.externalId("grant-1", T1);
        OrgSnapshot open = owned().grantTask("grant-1", sf("Task", "00TG", EXT, ext, "Status", "Not Started",
                "IsClosed", false)).build();
        GrantTaskPlanner p = planners(Map.of()).grants();
        assertTrue(p.plan(List.of(status("expired", T1)), open).writes().isEmpty());
        assertTrue(p.plan(List.of(status("expired", T1.plusSeconds(600))), open).writes().isEmpty());

        // the same expiry replayed after the rep closed its Task by hand: not reopened
        OrgSnapshot closed = owned().grantTask("grant-1", sf("Task", "00TG", EXT, ext, "Status", "Completed",
                "IsClosed", true)).build();
        assertTrue(p.plan(List.of(status("expired", T1)), closed).writes().isEmpty());
        // a new expiry after the last one was resolved: a new Task
        assertEquals(1, p.plan(List.of(status("expired", T1.plusSeconds(7200))), closed).writes().size());
    }

    @Test
    void validAgainCompletesTheOpenTasksAndOtherStatesDoNothing() {
        OrgSnapshot open = owned().grantTask("grant-1", sf("Task", "00TG", EXT, "x", "Status", "Not Started",
                "IsClosed", false)).build();
        GrantTaskPlanner p = planners(Map.of()).grants();
        WriteOp done = p.plan(List.of(status("valid", T1)), open).writes().get(0).op();
        assertEquals(WriteOp.Action.UPDATE, done.action());
        assertEquals("00TG", done.id());
        assertEquals(Map.of("Status", "Completed"), done.fields());

        assertTrue(p.plan(List.of(status("valid", T1)), owned().build()).writes().isEmpty());
        assertTrue(p.plan(List.of(status("deleted", T1)), open).writes().isEmpty());
    }
}
