package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static io.nylassf.connect.sink.salesforce.NylasRecords.withHeaders;
import static io.nylassf.connect.sink.salesforce.NylasRecords.withRecipients;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.T1;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.item;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.sf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An email's people as EmailMessageRelations, planned without Salesforce. */
class RelationPlannerTest {
    final RelationPlanner planner = new RelationPlanner();
    final Item mail = item(withHeaders(withRecipients(message("m-1", "Hi", "ann@acme.com", "ko@beta.io", T1, null,
            T1), List.of("rep@mycorp.com"), List.of("stranger@else.test")), "Message-ID", "<abc@acme.com>"));
    final OrgSnapshot org = new OrgSnapshot.Builder()
            .byEmail("Contact", sf("Contact", "003A", "Email", "ann@acme.com", "AccountId", "001A"))
            .byEmail("Lead", sf("Lead", "00QK", "Email", "ko@beta.io")).build()
            .withEmail(EmailIndex.of(List.of(), List.of(), List.of(sf("User", "005R", "Email", "rep@mycorp.com"))));

    private static List<String> relations(Plan plan) {
        return plan.writes().stream().map(Planned::op).map(op -> op.fields().get("RelationType") + " "
                + op.fields().get("RelationId") + " " + op.fields().get("RelationAddress")).toList();
    }

    @Test
    void theSenderAndEachRecipientWhoIsAPersonOrAUserIsLinkedInTheirRole() {
        Plan plan = planner.plan(List.of(mail), Map.of("m-1", "02sNEW"), org);
        assertEquals(List.of("FromAddress 003A ann@acme.com", "ToAddress 00QK ko@beta.io",
                "ToAddress 005R rep@mycorp.com"), relations(plan), "nobody knows stranger@else.test: no relation");
        WriteOp op = plan.writes().get(0).op();
        assertEquals("EmailMessageRelation", op.sobject());
        assertEquals(WriteOp.Action.CREATE, op.action());
        assertEquals("02sNEW", op.fields().get("EmailMessageId"));
        assertTrue(plan.writes().stream().allMatch(p -> p.kind() == Planned.Kind.RELATION));
    }

    @Test
    void anEmailMessageFoundByNylasIdOrMessageIdGetsOnlyTheRelationsItLacks() {
        List<Map<String, Object>> existing = List.of(sf("EmailMessageRelation", "0EmA", "EmailMessageId",
                "02sOLD000000000AAA", "RelationId", "003A", "RelationType", "FromAddress"));
        OrgSnapshot known = org.withEmail(EmailIndex.of(List.of(sf("EmailMessage", "02sOLD000000000AAA",
                "MessageIdentifier", "<abc@acme.com>", "Nylas_Message_Id__c", "m-0")), existing,
                List.of(sf("User", "005R", "Email", "rep@mycorp.com"))));
        Item secondMailbox = item(withHeaders(withRecipients(message("m-2", "Hi", "ann@acme.com", "ko@beta.io", T1,
                null, T1), List.of("rep@mycorp.com"), List.of()), "Message-ID", "<abc@acme.com>"));
        Plan plan = planner.plan(List.of(secondMailbox, secondMailbox), Map.of(), known);
        assertEquals(List.of("ToAddress 00QK ko@beta.io", "ToAddress 005R rep@mycorp.com"), relations(plan));
        assertEquals("02sOLD000000000AAA", plan.writes().get(0).op().fields().get("EmailMessageId"));
    }

    @Test
    void noEmailMessageOrALoopGuardedMessageMeansNoRelations() {
        assertTrue(planner.plan(List.of(mail), Map.of(), org).writes().isEmpty(), "its EmailMessage failed");
        Item sent = item(message("m-3", "Follow-up", "rep@mycorp.com", "ann@acme.com", T1,
                Map.of(LoopGuard.METADATA_KEY, LoopGuard.tag("00T000000000AAA")), T1));
        assertTrue(planner.plan(List.of(sent), Map.of("m-3", "02sX"), org).writes().isEmpty());
    }
}
