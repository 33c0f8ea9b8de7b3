package io.nylassf.connect.sink.nylas.plan;

import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.sink.nylas.Changes;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.DeleteEvent;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Ignore;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Refused;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Send;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.UpsertEvent;
import io.nylassf.connect.sink.nylas.record.SalesforceChange;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.nylas.Changes.OWNER;
import static io.nylassf.connect.sink.nylas.Changes.sendableTask;
import static io.nylassf.connect.sink.nylas.Changes.writtenBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only the owner (or an allowed user) makes the sink act in the owner's name; nothing a record says picks a grant. */
class ActingUserPolicyTest {
    private static final String TASK = "00T000000000001AAA";
    private static final String OTHER = "005000000000002AAA";
    /** 15-char spelling of an allowed sales-ops user whose 18-char form is 005000000000003AAA. */
    private static final String SALES_OPS_15 = "005000000000003";
    private static final String SALES_OPS = "005000000000003AAA";

    private static OutboundPlanner planner(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of("nylas.api.key", "k"));
        props.putAll(extra);
        return new OutboundPlanner(new NylasSinkConnectorConfig(props), Clock.fixed(Changes.NOW, ZoneOffset.UTC));
    }

    @Test
    void aTaskCreatedByAnotherUserIsRefusedUnlessThatUserIsAllowed() {
        SalesforceChange byOther = writtenBy("Task", TASK, sendableTask(), OWNER, OTHER, OTHER);
        Refused r = assertInstanceOf(Refused.class, planner(Map.of()).plan(byOther));
        assertTrue(r.reason().startsWith("not_authorized: Task " + TASK + " was created by " + OTHER), r.reason());

        SalesforceChange bySalesOps = writtenBy("Task", TASK, sendableTask(), OWNER, SALES_OPS, SALES_OPS);
        OutboundPlanner allowing = planner(Map.of("nylas.send.on.behalf.allowed.user.ids", SALES_OPS_15));
        assertInstanceOf(Send.class, allowing.plan(bySalesOps), "15-char list entry matches the 18-char id");
        assertInstanceOf(Refused.class, allowing.plan(byOther));
    }

    @Test
    void theLastModifierCountsToo() {
        Refused r = assertInstanceOf(Refused.class, planner(Map.of()).plan(
                writtenBy("Task", TASK, sendableTask(), OWNER, OWNER, OTHER)));
        assertTrue(r.reason().contains("was last modified by " + OTHER), r.reason());
        // an owner's 15-char id in the record still is the owner
        assertInstanceOf(Send.class, planner(Map.of()).plan(
                writtenBy("Task", TASK, sendableTask(), OWNER, OWNER.substring(0, 15), OWNER)));
    }

    @Test
    void aRecordThatDoesNotSayWhoWroteItIsRefused() {
        OutboundPlanner p = planner(Map.of());
        assertTrue(((Refused) p.plan(writtenBy("Task", TASK, sendableTask(), OWNER, null, OWNER))).reason()
                .contains("CreatedById"));
        assertTrue(((Refused) p.plan(writtenBy("Task", TASK, sendableTask(), OWNER, OWNER, null))).reason()
                .contains("LastModifiedById"));
        assertTrue(((Refused) p.plan(writtenBy("Task", TASK, sendableTask(), null, OWNER, OWNER))).reason()
                .contains("OwnerId"));
        assertTrue(((Refused) p.plan(writtenBy("Task", TASK, sendableTask(), OWNER, "../../x", OWNER))).reason()
                .contains("not a Salesforce User ID"));
    }

    @Test
    void calendarWritesDeletesAndKickoffsFollowTheSameRule() {
        OutboundPlanner p = planner(Map.of());
        Map<String, String> ev = Map.of("Subject", "Demo", "StartDateTime", "2026-01-06T10:00:00.000+0000",
                "DurationInMinutes", "30", "Owner.Email", "rep@example.com");
        assertInstanceOf(UpsertEvent.class, p.plan(writtenBy("Event", "00U000000000001AAA", ev, OWNER, OWNER, OWNER)));
        assertInstanceOf(Refused.class, p.plan(writtenBy("Event", "00U000000000001AAA", ev, OWNER, OTHER, OWNER)));
        SalesforceChange delete = new SalesforceChange("Event", "00U000000000001AAA", "deleted", 2L, OTHER, OWNER,
                null, false, Map.of("CreatedById", OWNER), false, "soql");
        assertInstanceOf(Refused.class, p.plan(delete));
        SalesforceChange ownDelete = new SalesforceChange("Event", "00U000000000001AAA", "deleted", 2L, OWNER, OWNER,
                null, false, Map.of("CreatedById", OWNER), false, "soql");
        assertInstanceOf(DeleteEvent.class, p.plan(ownDelete));
        Map<String, String> opp = Map.of("Name", "Acme", "StageName", "Closed Won", "CloseDate", "2026-01-10",
                "Owner.Email", "rep@example.com");
        assertInstanceOf(Refused.class, p.plan(writtenBy("Opportunity", "006000000000001AAA", opp, OWNER, OWNER,
                OTHER)));
        assertInstanceOf(UpsertEvent.class, p.plan(writtenBy("Opportunity", "006000000000001AAA", opp, OWNER,
                OWNER, OWNER)));
    }

    @Test
    void theOwnersEditOfAMeetingTheIntegrationUserSyncedNeedsNoAllowListButAnotherUsersEditIsRefused() {
        String integration = "005000000000009AAA";
        Map<String, String> synced = new HashMap<>(Map.of("Subject", "Demo (moved)",
                "StartDateTime", "2026-01-06T11:00:00.000+0000", "DurationInMinutes", "30",
                "Owner.Email", "rep@example.com", "Nylas_Event_Id__c", "ev-1"));
        OutboundPlanner p = planner(Map.of());
        // without the source's mark, an integration-created record is like any other user's
        assertInstanceOf(Refused.class, p.plan(writtenBy("Event", "00U000000000001AAA", synced, OWNER, integration,
                OWNER)));
        synced.put(SalesforceSchemas.CREATED_BY_INTEGRATION, "true");
        assertInstanceOf(UpsertEvent.class, p.plan(writtenBy("Event", "00U000000000001AAA", synced, OWNER,
                integration, OWNER)));
        Refused other = assertInstanceOf(Refused.class, p.plan(writtenBy("Event", "00U000000000001AAA", synced,
                OWNER, integration, OTHER)));
        assertTrue(other.reason().contains("was last modified by " + OTHER), other.reason());
    }

    @Test
    void whatWouldBeIgnoredAnywayIsIgnoredNotRefused() {
        Map<String, String> call = sendableTask();
        call.put("TaskSubtype", "Call");
        assertInstanceOf(Ignore.class, planner(Map.of()).plan(writtenBy("Task", TASK, call, OWNER, OTHER, OTHER)));
    }

    @Test
    void cdcModifierIsTheCommitUserAndAnUpdateWithoutCreatorIsRefusedWithAHint() {
        SalesforceChange cdcUpdate = new SalesforceChange("Event", "00U000000000001AAA", "updated", 2L, OWNER, OWNER,
                null, false, Map.of("Subject", "x"), true, "cdc");
        Refused r = assertInstanceOf(Refused.class, planner(Map.of()).plan(cdcUpdate));
        assertTrue(r.reason().contains("CDC"), r.reason());
    }

    @Test
    void aGrantNamedInTheRecordIsNeverUsed() {
        Map<String, String> f = sendableTask();
        f.put("Nylas_Grant_Id__c", "grant-of-someone-else");
        Send s = assertInstanceOf(Send.class, planner(Map.of()).plan(writtenBy("Task", TASK, f, OWNER, OWNER, OWNER)));
        assertEquals(new OutboundAction.Owner(OWNER, "rep@example.com"), s.owner());
    }

    @Test
    void settingsRejectWhatWouldLetARecordChooseAMailbox() {
        assertThrows(ConfigException.class, () -> planner(Map.of("grant.owner.email.field", "Reply_From__c")));
        assertThrows(ConfigException.class, () -> planner(Map.of("nylas.send.on.behalf.allowed.user.ids",
                "005000000000003ZZZ")));
        assertNull(new ActingUserPolicy(List.of(SALES_OPS)).refusal(
                writtenBy("Task", TASK, sendableTask(), OWNER, SALES_OPS, OWNER)).orElse(null));
    }
}
