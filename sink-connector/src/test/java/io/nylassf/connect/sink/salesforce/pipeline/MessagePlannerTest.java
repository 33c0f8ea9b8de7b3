package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static io.nylassf.connect.sink.salesforce.NylasRecords.withHeaders;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.T1;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.item;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.planners;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.sf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Message planning from decoded messages and a snapshot: no Salesforce, only the planned writes. */
class MessagePlannerTest {
    static final Map<String, Object> ANN = sf("Contact", "003A", "Email", "ann@acme.com", "AccountId", "001A");

    @Test
    void aMessageBecomesATaskNamingThePersonAndItsAccountOrOpenOpportunity() {
        OrgSnapshot org = new OrgSnapshot.Builder().byEmail("Contact", ANN).build();
        Item m = item(message("m-1", "Proposal", "me@mycorp.com", "ann@acme.com", T1, null, T1));
        MessagePlanner planner = planners(Map.of()).messages();

        WriteOp task = planner.plan(List.of(m), org).writes().get(0).op();
        assertEquals("Task", task.sobject());
        assertEquals("m-1", task.extIdValue());
        assertEquals("003A", task.fields().get("WhoId"));
        assertEquals("001A", task.fields().get("WhatId"));

        WriteOp withOpp = planner.plan(List.of(m), org.withOpportunities(Map.of("003A", "006O"))).writes().get(0).op();
        assertEquals("006O", withOpp.fields().get("WhatId"));
    }

    @Test
    void thePersonMayComeFromTheCacheOrAnEarlierPhase() {
        Item m = item(message("m-1", "Hi", "me@mycorp.com", "zoe@newco.com", T1, null, T1));
        MessagePlanner planner = planners(Map.of()).messages();
        OrgSnapshot cached = new OrgSnapshot.Builder().knownPerson("zoe@newco.com", new Person("00QZ", "Lead", null))
                .build();
        assertEquals("00QZ", planner.plan(List.of(m), cached).writes().get(0).op().fields().get("WhoId"));
        OrgSnapshot created = OrgSnapshot.EMPTY.withNewPeople(Map.of("zoe@newco.com",
                new Person("00QN", "Lead", null)));
        assertEquals("00QN", planner.plan(List.of(m), created).writes().get(0).op().fields().get("WhoId"));
    }

    @Test
    void anUnmatchedMessageIsSkippedOrDeadLettered() {
        Item m = item(message("m-1", "Hi", "me@mycorp.com", "who@unknown.org", T1, null, T1));
        Plan skip = planners(Map.of()).messages().plan(List.of(m), OrgSnapshot.EMPTY);
        assertTrue(skip.writes().isEmpty());
        assertEquals(1, skip.tally().skipped());

        Plan fail = planners(Map.of("behavior.on.unmatched.message", "fail")).messages().plan(List.of(m),
                OrgSnapshot.EMPTY);
        assertTrue(fail.failures().get(0).reason().startsWith("NO_MATCHING_PERSON"));
        assertEquals(m.record(), fail.failures().get(0).record());
    }

    @Test
    void aTaggedMessageOnlyLinksItsTaskAndOnceLinkedNothing() {
        String taskId = "00T000000000AAA";
        Item m = item(message("m-out", "Sent", "me@mycorp.com", "ann@acme.com", T1,
                Map.of(LoopGuard.METADATA_KEY, LoopGuard.tag(taskId)), T1));
        MessagePlanner planner = planners(Map.of()).messages();
        Planned link = planner.plan(List.of(m), OrgSnapshot.EMPTY).writes().get(0);
        assertEquals(Planned.Kind.LINK, link.kind());
        assertEquals(WriteOp.Action.UPDATE, link.op().action());
        assertEquals(taskId, link.op().id());
        assertEquals("m-out", link.op().fields().get("Nylas_Message_Id__c"));

        OrgSnapshot linked = new OrgSnapshot.Builder().byExt("Task", "Nylas_Message_Id__c",
                sf("Task", taskId, "Nylas_Message_Id__c", "m-out")).build();
        assertTrue(planner.plan(List.of(m), linked).writes().isEmpty());
    }

    @Test
    void aSentEmailMessageNeverChanges() {
        Item m = item(message("m-1", "Hi", "me@mycorp.com", "ann@acme.com", T1, null, T1));
        MessagePlanner planner = planners(Map.of("salesforce.message.target", "email_message")).messages();
        OrgSnapshot org = new OrgSnapshot.Builder().byEmail("Contact", ANN).build();
        WriteOp create = planner.plan(List.of(m), org).writes().get(0).op();
        assertEquals("EmailMessage", create.sobject());

        OrgSnapshot existing = new OrgSnapshot.Builder().byEmail("Contact", ANN).byExt("EmailMessage",
                "Nylas_Message_Id__c", sf("EmailMessage", "02sA", "Nylas_Message_Id__c", "m-1")).build();
        Plan again = planner.plan(List.of(m), existing);
        assertTrue(again.writes().isEmpty());
        assertEquals(1, again.tally().skipped());
    }

    static final Map<String, String> EMAIL_MODE = Map.of("salesforce.message.target", "email_message");

    @Test
    void anEmailMessageIsRelatedToTheAccountNeverToAPerson() {
        MessagePlanner planner = planners(EMAIL_MODE).messages();
        OrgSnapshot org = new OrgSnapshot.Builder().byEmail("Contact", ANN)
                .byEmail("Lead", sf("Lead", "00QK", "Email", "ko@beta.io")).build();
        Item toContact = item(message("m-1", "Hi", "me@mycorp.com", "ann@acme.com", T1, null, T1));
        Item toLead = item(message("m-2", "Hi", "me@mycorp.com", "ko@beta.io", T1, null, T1));
        List<Planned> writes = planner.plan(List.of(toContact, toLead), org).writes();
        assertEquals("001A", writes.get(0).op().fields().get("RelatedToId"), "the Contact's Account");
        assertTrue(!writes.get(1).op().fields().containsKey("RelatedToId"), "a Lead goes in a relation, not here");
        assertTrue(writes.get(0).op().wantsId(), "its relations name it");
    }

    @Test
    void oneEmailIsOneEmailMessageWhicheverMailboxAndHowOftenItIsRead() {
        MessagePlanner planner = planners(EMAIL_MODE).messages();
        OrgSnapshot org = new OrgSnapshot.Builder().byEmail("Contact", ANN).build();
        Item inMine = item(withHeaders(message("m-1", "Hi", "ann@acme.com", "me@mycorp.com", T1, null, T1),
                "Message-ID", " <abc@acme.com> "));
        Item inTheirs = item(withHeaders(message("m-9", "Hi", "ann@acme.com", "me@mycorp.com", T1, null, T1),
                "message-id", "<abc@acme.com>"));
        Plan both = planner.plan(List.of(inMine, inTheirs), org);
        assertEquals(1, both.writes().size());
        assertEquals("<abc@acme.com>", both.writes().get(0).op().fields().get("MessageIdentifier"));
        assertEquals(1, both.tally().skipped());

        OrgSnapshot written = org.withEmail(EmailIndex.of(List.of(sf("EmailMessage", "02sA", "MessageIdentifier",
                "<abc@acme.com>", "Nylas_Message_Id__c", "m-1")), List.of(), List.of()));
        Plan later = planner.plan(List.of(inTheirs), written);
        assertTrue(later.writes().isEmpty(), "already written from the other mailbox");
        assertEquals(1, later.tally().skipped());
    }

    @Test
    void aTaskSentByTheOutboundDirectionComesBackAsALinkOnThatTask() {
        String taskId = "00T000000000AAA";
        Item m = item(withHeaders(message("m-out", "Follow-up", "me@mycorp.com", "ann@acme.com", T1,
                Map.of(LoopGuard.METADATA_KEY, LoopGuard.tag(taskId)), T1), "Message-ID", "<out@mycorp.com>"));
        OrgSnapshot org = new OrgSnapshot.Builder().byEmail("Contact", ANN).build();
        List<Planned> writes = planners(EMAIL_MODE).messages().plan(List.of(m), org).writes();
        assertEquals(1, writes.size(), "no EmailMessage beside the Task");
        assertEquals(Planned.Kind.LINK, writes.get(0).kind());
        assertEquals("Task", writes.get(0).op().sobject());
        assertEquals(taskId, writes.get(0).op().id());
        assertEquals("m-out", writes.get(0).op().fields().get("Nylas_Message_Id__c"));
    }
}
