package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static io.nylassf.connect.sink.salesforce.NylasRecords.withHeaders;
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
    void automatedSendersGetNoLead() {
        Item robot = item(message("m-1", "Your order", "noreply@shop.test", "me@mycorp.com", T1, null, T1));
        Item newsletter = item(withHeaders(message("m-2", "Weekly", "editor@news.test", "me@mycorp.com", T1, null,
                T1), "List-Unsubscribe", "<mailto:leave@news.test>"));
        Item person = item(message("m-3", "Hi", "zoe@newco.com", "me@mycorp.com", T1, null, T1));
        Plan plan = planner.plan(List.of(robot, newsletter, person), OrgSnapshot.EMPTY);
        assertEquals(List.of("zoe@newco.com"), plan.writes().stream().map(Planned::personEmail).toList());

        SenderLeadPlanner everyone = planners(Map.of("behavior.on.unmatched.message", "create_lead",
                "salesforce.message.automated.sender.patterns", "")).senderLeads();
        assertEquals(2, everyone.plan(List.of(robot, newsletter), OrgSnapshot.EMPTY).writes().size() + 1,
                "without patterns only the list header keeps a sender from becoming a Lead");
    }

    @Test
    void aMessageTheOutboundDirectionSentGetsNoLeadInEmailMessageMode() {
        SenderLeadPlanner emailMode = planners(Map.of("behavior.on.unmatched.message", "create_lead",
                "salesforce.message.target", "email_message")).senderLeads();
        Item sent = item(message("m-1", "Follow-up", "me@mycorp.com", "zoe@newco.com", T1,
                Map.of(io.nylassf.connect.common.loop.LoopGuard.METADATA_KEY, "sf:00T000000000AAA"), T1));
        assertTrue(emailMode.plan(List.of(sent), OrgSnapshot.EMPTY).writes().isEmpty());
    }

    @Test
    void aKnownSenderNeedsNoLead() {
        Item a = item(message("m-1", "Hi", "zoe@newco.com", "me@mycorp.com", T1, null, T1));
        OrgSnapshot known = new OrgSnapshot.Builder().knownPerson("zoe@newco.com", new Person("00QZ", "Lead", null))
                .build();
        assertTrue(planner.plan(List.of(a), known).writes().isEmpty());
    }
}
