package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.T1;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.item;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.planners;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leads for unmatched senders, planned without Salesforce. */
class SenderLeadPlannerTest {
    final SenderLeadPlanner planner = planners(Map.of("behavior.on.unmatched.message", "create_lead")).senderLeads();

    @Test
    void oneLeadPerNewSenderKeyedByItsEmail() {
        Item a = item(message("m-1", "Hi", "zoe@newco.com", "me@mycorp.com", T1, null, T1));
        Item b = item(message("m-2", "Again", "zoe@newco.com", "me@mycorp.com", T1, null, T1));
        Plan plan = planner.plan(List.of(a, b), OrgSnapshot.EMPTY);
        assertEquals(1, plan.writes().size());
        Planned lead = plan.writes().get(0);
        assertEquals(Planned.Kind.SENDER_LEAD, lead.kind());
        assertEquals("zoe@newco.com", lead.personEmail());
        WriteOp op = lead.op();
        assertEquals("Lead", op.sobject());
        assertEquals("zoe@newco.com", op.extIdValue());
        assertEquals("newco.com", op.fields().get("Company"));
        assertTrue(op.wantsId(), "the message's Task names the Lead");
    }

    @Test
    void aKnownSenderNeedsNoLead() {
        Item a = item(message("m-1", "Hi", "zoe@newco.com", "me@mycorp.com", T1, null, T1));
        OrgSnapshot known = new OrgSnapshot.Builder().knownPerson("zoe@newco.com", new Person("00QZ", "Lead", null))
                .build();
        assertTrue(planner.plan(List.of(a), known).writes().isEmpty());
    }
}
