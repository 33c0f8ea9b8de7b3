package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.NylasRecords;
import io.nylassf.connect.sink.salesforce.write.QueryBatch;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import io.nylassf.connect.sink.salesforce.record.NylasRecordDecoder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.nylassf.connect.sink.salesforce.NylasRecords.contact;
import static io.nylassf.connect.sink.salesforce.NylasRecords.event;
import static io.nylassf.connect.sink.salesforce.NylasRecords.message;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.T1;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.planners;
import static io.nylassf.connect.sink.salesforce.pipeline.PlannerFixture.sf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who owns what the sink creates (pure planning): a grant's Tasks and Events go to its User, dates count in that
 * User's zone, new people follow salesforce.person.owner, existing records keep their owner, and every record left
 * to the integration user is counted.
 */
class OwnershipPlanningTest {
    static final String ANA = "005000000000ANA";
    static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    static final Map<String, Object> ANN = sf("Contact", "003A", "Email", "ann@acme.com", "AccountId", "001A");
    /** 03:00 UTC on 1 March is still 28 February in Los Angeles. */
    static final Instant EARLY = Instant.parse("2026-03-01T03:00:00Z");

    private static long offset;

    static Item item(Struct value, String grantEmail) {
        if (grantEmail != null) {
            value.put("grant_email", grantEmail);
        }
        var record = NylasRecords.sinkRecord(NylasRecords.topicOf(value), offset++, value);
        return new Item(record, new NylasRecordDecoder().decode(record), BatchDecoder.grantEmail(record));
    }

    static OrgSnapshot.Builder withAnn() {
        return new OrgSnapshot.Builder().byEmail("Contact", ANN);
    }

    @Test
    void theGrantsRepOwnsANewTaskAndItsActivityDateIsTheRepsDay() {
        Item m = item(message("m-1", "Proposal", "ann@acme.com", "ana@mycorp.com", EARLY, null, EARLY),
                "ana@mycorp.com");
        assertEquals("ana@mycorp.com", m.grantEmail());
        OrgSnapshot org = withAnn().owner("grant-1", new Owner(ANA, LA)).build();

        Plan plan = planners(Map.of()).messages().plan(List.of(m), org);

        WriteOp task = plan.writes().get(0).op();
        assertEquals(ANA, task.fields().get("OwnerId"));
        assertEquals("2026-02-28", task.fields().get("ActivityDate"));
        assertEquals(0, plan.tally().ownerFallbacks());
    }

    @Test
    void withoutAUserTheIntegrationUserOwnsItTheConfiguredZoneCountsAndTheFallbackIsCounted() {
        Item m = item(message("m-1", "Proposal", "ann@acme.com", "ana@mycorp.com", EARLY, null, EARLY), null);
        OrgSnapshot none = withAnn().owner("grant-1", Owner.NONE).build();

        Plan plan = planners(Map.of("salesforce.activity.timezone", "Europe/Paris")).messages()
                .plan(List.of(m), none);

        WriteOp task = plan.writes().get(0).op();
        assertFalse(task.fields().containsKey("OwnerId"));
        assertEquals("2026-03-01", task.fields().get("ActivityDate"));
        assertEquals(1, plan.tally().ownerFallbacks());
    }

    @Test
    void aUserWithoutAKnownZoneKeepsTheConfiguredOne() {
        Item m = item(message("m-1", "Proposal", "ann@acme.com", "ana@mycorp.com", EARLY, null, EARLY),
                "ana@mycorp.com");
        OrgSnapshot org = withAnn().owner("grant-1", new Owner(ANA, null)).build();
        WriteOp task = planners(Map.of()).messages().plan(List.of(m), org).writes().get(0).op();
        assertEquals(ANA, task.fields().get("OwnerId"));
        assertEquals("2026-03-01", task.fields().get("ActivityDate"));
    }

    @Test
    void anExistingTaskOrEventKeepsItsOwner() {
        Item m = item(message("m-1", "New subject", "ann@acme.com", "ana@mycorp.com", T1, null, T1.plusSeconds(60)),
                "ana@mycorp.com");
        Item e = item(event("e-1", "New title", T1, T1.plusSeconds(3600), List.of("ann@acme.com"), null, "updated",
                T1.plusSeconds(60)), "ana@mycorp.com");
        OrgSnapshot org = withAnn().owner("grant-1", new Owner(ANA, LA))
                .byExt("Task", "Nylas_Message_Id__c", sf("Task", "00TT", "Nylas_Message_Id__c", "m-1",
                        "Subject", "Old", "OwnerId", "005000000000SNK"))
                .byExt("Event", "Nylas_Event_Id__c", sf("Event", "00UE", "Nylas_Event_Id__c", "e-1",
                        "Subject", "Old", "OwnerId", "005000000000SNK")).build();
        Planners p = planners(Map.of());

        Plan tasks = p.messages().plan(List.of(m), org);
        Plan events = p.events().plan(List.of(e), org);

        assertEquals(WriteOp.Action.UPDATE, tasks.writes().get(0).op().action());
        assertFalse(tasks.writes().get(0).op().fields().containsKey("OwnerId"));
        assertEquals(WriteOp.Action.UPDATE, events.writes().get(0).op().action());
        assertFalse(events.writes().get(0).op().fields().containsKey("OwnerId"));
        assertEquals(0, tasks.tally().plus(events.tally()).ownerFallbacks());
    }

    @Test
    void theGrantsRepOwnsANewEventAndItsAllDayDateStaysTheCalendarDate() {
        Item e = item(event("e-1", "Demo", T1, T1.plusSeconds(3600), List.of("ann@acme.com"), null, "created", T1),
                "ana@mycorp.com");
        OrgSnapshot org = withAnn().owner("grant-1", new Owner(ANA, LA)).build();
        WriteOp created = planners(Map.of()).events().plan(List.of(e), org).writes().get(0).op();
        assertEquals(ANA, created.fields().get("OwnerId"));

        Plan fallback = planners(Map.of()).events().plan(List.of(e), withAnn().build());
        assertFalse(fallback.writes().get(0).op().fields().containsKey("OwnerId"));
        assertEquals(1, fallback.tally().ownerFallbacks());
    }

    @Test
    void newPeopleFollowThePersonOwnerRule() {
        Item lead = item(contact("c-bob", "Bob", "Ray", "bob@beta.io", null, null, T1), "ana@mycorp.com");
        OrgSnapshot org = new OrgSnapshot.Builder().owner("grant-1", new Owner(ANA, LA)).build();
        Map<String, String> leads = Map.of("salesforce.contact.routing", "lead");

        WriteOp rep = planners(leads).people().plan(List.of(lead), org, false).ready().writes().get(0).op();
        assertEquals(ANA, rep.fields().get("OwnerId"));
        assertFalse(rep.autoAssign());

        WriteOp rules = planners(Map.of("salesforce.contact.routing", "lead", "salesforce.person.owner",
                "assignment_rules")).people().plan(List.of(lead), org, false).ready().writes().get(0).op();
        assertFalse(rules.fields().containsKey("OwnerId"));
        assertTrue(rules.autoAssign());

        WriteOp integration = planners(Map.of("salesforce.contact.routing", "lead", "salesforce.person.owner",
                "integration_user")).people().plan(List.of(lead), org, false).ready().writes().get(0).op();
        assertFalse(integration.fields().containsKey("OwnerId"));
        assertFalse(integration.autoAssign());

        // Contacts have no assignment rules: under assignment_rules they go to the rep
        Item contact = item(contact("c-ann", "Ann", "Lee", "ann@acme.com", null, null, T1), "ana@mycorp.com");
        OrgSnapshot withAccount = new OrgSnapshot.Builder().owner("grant-1", new Owner(ANA, LA))
                .account("acme.com", sf("Account", "001A", "Website", "acme.com")).build();
        WriteOp c = planners(Map.of("salesforce.person.owner", "assignment_rules")).people()
                .plan(List.of(contact), withAccount, false).ready().writes().get(0).op();
        assertEquals("Contact", c.sobject());
        assertEquals(ANA, c.fields().get("OwnerId"));
    }

    @Test
    void aPersonWhoseGrantHasNoUserIsCountedAndAnExistingOneKeepsItsOwner() {
        Item lead = item(contact("c-bob", "Bob", "Ray", "bob@beta.io", null, null, T1), "nobody@mycorp.com");
        Plan plan = planners(Map.of("salesforce.contact.routing", "lead")).people()
                .plan(List.of(lead), OrgSnapshot.EMPTY, false).ready();
        assertFalse(plan.writes().get(0).op().fields().containsKey("OwnerId"));
        assertEquals(1, plan.tally().ownerFallbacks());

        Item newer = item(contact("c-bob", "Bob", "Ray", "bob@beta.io", null, "CTO", T1.plusSeconds(60)),
                "ana@mycorp.com");
        OrgSnapshot existing = new OrgSnapshot.Builder().owner("grant-1", new Owner(ANA, LA))
                .byEmail("Lead", sf("Lead", "00QB", "Email", "bob@beta.io", "OwnerId", "005000000000OLD")).build();
        WriteOp update = planners(Map.of("salesforce.contact.routing", "lead")).people()
                .plan(List.of(newer), existing, false).ready().writes().get(0).op();
        assertEquals(WriteOp.Action.UPDATE, update.action());
        assertFalse(update.fields().containsKey("OwnerId"));
    }

    @Test
    void anUnmatchedSendersLeadBelongsToTheRepOrTheRules() {
        Item m = item(message("m-1", "Hi", "zoe@newco.com", "ana@mycorp.com", T1, null, T1), "ana@mycorp.com");
        OrgSnapshot org = new OrgSnapshot.Builder().owner("grant-1", new Owner(ANA, LA)).build();
        WriteOp rep = planners(Map.of()).senderLeads().plan(List.of(m), org).writes().get(0).op();
        assertEquals(ANA, rep.fields().get("OwnerId"));
        WriteOp rules = planners(Map.of("salesforce.person.owner", "assignment_rules")).senderLeads()
                .plan(List.of(m), org).writes().get(0).op();
        assertTrue(rules.autoAssign());
        assertFalse(rules.fields().containsKey("OwnerId"));
    }

    @Test
    void grantOwnersAreLookedUpByTheMapFirstThenByTheGrantsEmailInOneStatement() {
        GrantOwners owners = new GrantOwners(Map.of("grant-9", "005000000000MAPXYZ", "bo@mycorp.com",
                "005000000000BOB"));
        Item mine = item(message("m-1", "Hi", "a@b.com", "ana@mycorp.com", T1, null, T1), "ana@mycorp.com");
        Item none = item(message("m-2", "Hi", "a@b.com", "ana@mycorp.com", T1, null, T1), null);
        Item mappedByEmail = item(message("m-3", "Hi", "a@b.com", "bo@mycorp.com", T1, null, T1), "bo@mycorp.com");
        assertEquals("email:ana@mycorp.com", owners.key(mine));
        assertNull(owners.key(none));
        assertEquals("id:005000000000BOB", owners.key(mappedByEmail));

        QueryBatch q = new QueryBatch(null);
        owners.query(q, Set.of("email:ana@mycorp.com", "id:005000000000BOB"));
        assertEquals(List.of("SELECT Id, Email, TimeZoneSidKey FROM User WHERE IsActive = true AND "
                + "(Email IN ('ana@mycorp.com') OR Id IN ('005000000000BOB'))"), q.statements());

        Map<String, Owner> found = owners.read(Set.of("email:ana@mycorp.com", "id:005000000000BOB",
                "email:gone@mycorp.com", "email:two@mycorp.com"), List.of(
                sf("User", "005000000000ANAAAA", "Email", "Ana@mycorp.com", "TimeZoneSidKey", "America/Los_Angeles"),
                sf("User", "005000000000BOBAAA", "Email", "bob@mycorp.com", "TimeZoneSidKey", "Not/AZone"),
                sf("User", "005000000000TW1AAA", "Email", "two@mycorp.com", "TimeZoneSidKey", "UTC"),
                sf("User", "005000000000TW2AAA", "Email", "two@mycorp.com", "TimeZoneSidKey", "UTC")));
        assertEquals(new Owner("005000000000ANAAAA", LA), found.get("email:ana@mycorp.com"));
        assertEquals(new Owner("005000000000BOBAAA", null), found.get("id:005000000000BOB"));
        assertEquals(Owner.NONE, found.get("email:gone@mycorp.com"));
        assertEquals(Owner.NONE, found.get("email:two@mycorp.com"), "two active Users with one email: ambiguous");
    }
}
