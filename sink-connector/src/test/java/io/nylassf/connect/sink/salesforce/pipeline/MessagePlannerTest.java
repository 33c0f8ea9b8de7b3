package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.loop.LoopGuard;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
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
}
