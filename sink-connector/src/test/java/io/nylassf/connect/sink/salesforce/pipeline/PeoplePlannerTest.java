package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.salesforce.SaveError;
import io.nylassf.connect.sink.salesforce.mapping.SfValues;
import io.nylassf.connect.sink.salesforce.pipeline.PeoplePlanner.Duplicate;
import io.nylassf.connect.sink.salesforce.pipeline.PeoplePlanner.PeoplePlan;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.salesforce.NylasRecords.contact;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.T1;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.T2;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.item;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.planners;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.sf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** People planning from decoded contacts and a snapshot: no Salesforce, only the planned writes. */
class PeoplePlannerTest {
    final PeoplePlanner planner = planners(Map.of()).people();

    @Test
    void aNewPersonAtAKnownCompanyIsAContactUnderItsAccountAndAStrangerALead() {
        OrgSnapshot org = new OrgSnapshot.Builder().account("acme.com", sf("Account", "001A", "Website", "acme.com"))
                .build();
        Item ann = item(contact("c-ann", "Ann", "Lee", "ann@acme.com", "Acme", "CTO", T1));
        Item bob = item(contact("c-bob", "Bob", "Ray", "bob@beta.io", null, null, T1));

        PeoplePlan plan = planner.plan(List.of(ann, bob), org, true);

        List<Planned> writes = plan.ready().writes();
        assertEquals(2, writes.size());
        WriteOp contact = writes.get(0).op();
        assertEquals("Contact", contact.sobject());
        assertEquals(WriteOp.Action.UPSERT, contact.action());
        assertEquals("c-ann", contact.extIdValue());
        assertEquals("001A", contact.fields().get("AccountId"));
        assertEquals(SfValues.dateTime(T1), contact.fields().get("Nylas_Modified_At__c"));
        assertTrue(contact.wantsId(), "activities of the batch link to the new person");
        assertEquals("ann@acme.com", writes.get(0).personEmail());
        assertEquals("Lead", writes.get(1).op().sobject());
        assertTrue(plan.accountsToCreate().isEmpty());
    }

    @Test
    void anUpdateKeepsTypedValuesAndAReplayWritesNothing() {
        Map<String, Object> existing = sf("Contact", "003A", "Nylas_Contact_Id__c", "c-ann", "Email",
                "ann@acme.com", "LastName", "Lee", "FirstName", "", "Title", "Typed VP", "LastModifiedById",
                PlannerFixture.REP, "Nylas_Modified_At__c", SfValues.dateTime(T1));
        OrgSnapshot org = new OrgSnapshot.Builder().byExt("Contact", "Nylas_Contact_Id__c", existing).build();

        Plan newer = planner.plan(List.of(item(contact("c-ann", "Ann", "Lee", "ann@acme.com", null, "CEO", T2))),
                org, false).ready();
        assertEquals(1, newer.writes().size());
        WriteOp update = newer.writes().get(0).op();
        assertEquals(WriteOp.Action.UPDATE, update.action());
        assertEquals("003A", update.id());
        assertFalse(update.fields().containsKey("Title"), "a value someone typed survives");
        assertEquals("Ann", update.fields().get("FirstName"), "an empty field is filled");
        assertEquals(1, newer.tally().conflicts(), "the kept Title counts as a conflict");

        Plan replay = planner.plan(List.of(item(contact("c-ann", "Ann", "Lee", "ann@acme.com", null, "CEO", T1))),
                org, false).ready();
        assertTrue(replay.writes().isEmpty());
        assertEquals(1, replay.tally().skipped());
    }

    @Test
    void aPersonFoundByEmailIsLinkedToTheNylasContact() {
        Map<String, Object> lead = sf("Lead", "00QA", "Email", "bob@beta.io", "LastName", "Ray");
        OrgSnapshot org = new OrgSnapshot.Builder().byEmail("Lead", lead).build();
        Plan plan = planner.plan(List.of(item(contact("c-bob", "Bob", "Ray", "bob@beta.io", null, null, T1))),
                org, false).ready();
        Planned p = plan.writes().get(0);
        assertEquals(Planned.Kind.LINK, p.kind());
        assertEquals("00QA", p.op().id());
        assertEquals("c-bob", p.op().fields().get("Nylas_Contact_Id__c"));
    }

    @Test
    void aNewCompanyWaitsForItsAccountAndFailsWithItsReason() {
        PeoplePlanner creating = planners(Map.of("salesforce.account.create", "true")).people();
        Item ann = item(contact("c-ann", "Ann", "Lee", "ann@newco.com", "NewCo", null, T1));
        Item cat = item(contact("c-cat", "Cat", "Lee", "cat@newco.com", null, null, T1));

        PeoplePlan plan = creating.plan(List.of(ann, cat), OrgSnapshot.EMPTY, false);
        assertTrue(plan.ready().writes().isEmpty());
        assertEquals(Map.of("newco.com", "NewCo"), plan.accountsToCreate());
        WriteOp account = creating.accountWrites(plan.accountsToCreate()).get(0);
        assertEquals("newco.com", account.extIdValue());
        assertEquals("newco.com", account.fields().get("Website"));

        OrgSnapshot withAccount = OrgSnapshot.EMPTY.withAccounts(Map.of("newco.com", Map.of("Id", "001N")));
        Plan under = creating.underAccounts(plan.awaitingAccount(), withAccount, Map.of());
        assertEquals(2, under.writes().size());
        under.writes().forEach(w -> assertEquals("001N", w.op().fields().get("AccountId")));

        Plan failed = creating.underAccounts(plan.awaitingAccount(), OrgSnapshot.EMPTY,
                Map.of("newco.com", "Account FIELD_CUSTOM_VALIDATION_EXCEPTION: no"));
        assertEquals(2, failed.failures().size());
        assertEquals("Account FIELD_CUSTOM_VALIDATION_EXCEPTION: no", failed.failures().get(0).reason());
    }

    @Test
    void aNewPersonADuplicateRuleRefusedUpdatesTheMatchedRecord() {
        Item ann = item(contact("c-ann", "Ann", "Lee", "ann@acme.com", null, "CTO", T1));
        Planned refused = planner.plan(List.of(ann), OrgSnapshot.EMPTY, false).ready().writes().get(0);
        SaveError dup = new SaveError("DUPLICATES_DETECTED", "dup", null, List.of("003M"));
        Map<String, Object> matched = sf("Contact", "003M", "Email", "ann@acme.com", "LastName", "Lee");

        Plan plan = planner.duplicates(List.of(new Duplicate(refused, dup)), Map.of("003M", matched));
        WriteOp update = plan.writes().get(0).op();
        assertEquals("003M", update.id());
        assertEquals("c-ann", update.fields().get("Nylas_Contact_Id__c"));

        Plan lost = planner.duplicates(List.of(new Duplicate(refused, dup)), Map.of());
        assertTrue(lost.failures().get(0).reason().startsWith("DUPLICATES_DETECTED"));
    }

    @Test
    void deletedContactsAreNeverDeleted() {
        Item gone = item(contact("c-x", "X", "Y", "x@acme.com", null, null, T1)
                .put(io.nylassf.connect.common.schema.NylasSchemas.CHANGE_TYPE, "deleted"));
        Plan plan = planner.plan(List.of(gone), OrgSnapshot.EMPTY, false).ready();
        assertTrue(plan.writes().isEmpty());
        assertEquals(1, plan.tally().skipped());
    }
}
