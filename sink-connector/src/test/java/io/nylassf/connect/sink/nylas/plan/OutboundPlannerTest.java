package io.nylassf.connect.sink.nylas.plan;

import io.nylassf.connect.sink.nylas.Changes;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.DeleteEvent;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Ignore;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Invalid;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Send;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.UpsertEvent;
import io.nylassf.connect.sink.nylas.record.SalesforceChange;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.nylas.Changes.change;
import static io.nylassf.connect.sink.nylas.Changes.sendableTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundPlannerTest {
    private static final String TASK = "00T000000000001AAA";

    private static OutboundPlanner planner(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of("nylas.api.key", "k"));
        props.putAll(extra);
        return new OutboundPlanner(new NylasSinkConnectorConfig(props), Clock.fixed(Changes.NOW, ZoneOffset.UTC));
    }

    @Test
    void aTaskMarkedForSendingBecomesASendFromItsOwner() {
        Send s = assertInstanceOf(Send.class, planner(Map.of()).plan(change("Task", TASK, "created", 1L, sendableTask())));
        assertEquals(List.of("ada@acme.test"), s.to());
        assertEquals("rep@example.com", s.owner().email());
        assertEquals("Following up on Q2 plan", s.subject());
    }

    @Test
    void otherTasksAreIgnoredOrInvalid() {
        OutboundPlanner p = planner(Map.of());
        Map<String, String> done = sendableTask();
        done.put("Status", "Completed");
        assertInstanceOf(Ignore.class, p.plan(change("Task", TASK, "updated", 1L, done)));
        Map<String, String> call = sendableTask();
        call.put("TaskSubtype", "Call");
        assertInstanceOf(Ignore.class, p.plan(change("Task", TASK, "created", 1L, call)));
        Map<String, String> inbound = sendableTask();
        inbound.put("Nylas_Message_Id__c", "msg-1");
        assertInstanceOf(Ignore.class, p.plan(change("Task", TASK, "created", 1L, inbound)));
        Map<String, String> old = sendableTask();
        old.put("CreatedDate", "2025-01-01T00:00:00.000+0000");
        assertInstanceOf(Ignore.class, p.plan(change("Task", TASK, "created", 1L, old)));
        Map<String, String> nobody = sendableTask();
        nobody.remove("Who.Email");
        assertInstanceOf(Invalid.class, p.plan(change("Task", TASK, "created", 1L, nobody)));
        SalesforceChange own = new SalesforceChange("Task", TASK, "created", 1L, null, null, null, true,
                sendableTask(), false, "soql");
        assertTrue(((Ignore) p.plan(own)).reason().contains("own change"));
    }

    @Test
    void theCheckboxRuleIsConfigurable() {
        OutboundPlanner p = planner(Map.of("send.task.flag.field", "Send_Via_Nylas__c", "send.task.statuses", ""));
        assertInstanceOf(Ignore.class, p.plan(change("Task", TASK, "created", 1L, sendableTask())));
        Map<String, String> flagged = sendableTask();
        flagged.put("Send_Via_Nylas__c", "true");
        flagged.put("Status", "Completed");
        assertInstanceOf(Send.class, p.plan(change("Task", TASK, "created", 1L, flagged)));
    }

    @Test
    void aRecurringSeriesGoesOutAsItsOccurrencesNeverAsOneMeeting() {
        OutboundPlanner p = planner(Map.of());
        Map<String, String> master = new HashMap<>(Map.of("Subject", "Weekly", "StartDateTime",
                "2026-01-06T10:00:00.000+0000", "DurationInMinutes", "30", "IsRecurrence", "true",
                "Owner.Email", "rep@example.com"));
        Ignore skipped = assertInstanceOf(Ignore.class, p.plan(change("Event", "00U000000000010AAA", "created", 1L,
                master)));
        assertTrue(skipped.reason().contains("occurrences"), skipped.reason());

        Map<String, String> occurrence = new HashMap<>(Map.of("Subject", "Weekly", "StartDateTime",
                "2026-01-13T10:00:00.000+0000", "DurationInMinutes", "30", "IsRecurrence", "false",
                "RecurrenceActivityId", "00U000000000010AAA", "Owner.Email", "rep@example.com"));
        UpsertEvent one = assertInstanceOf(UpsertEvent.class, p.plan(change("Event", "00U000000000011AAA", "created",
                1L, occurrence)));
        assertEquals(Instant.parse("2026-01-13T10:00:00Z").getEpochSecond(), one.spec().startSec());
        assertEquals(30 * 60, one.spec().endSec() - one.spec().startSec());
    }

    @Test
    void eventsBecomeTimespansDatespansOrDeletes() {
        OutboundPlanner p = planner(Map.of());
        Map<String, String> f = new HashMap<>(Map.of("Subject", "Demo", "StartDateTime", "2026-01-06T10:00:00.000+0000",
                "DurationInMinutes", "45", "Who.Email", "ada@acme.test", "Owner.Email", "rep@example.com"));
        UpsertEvent u = assertInstanceOf(UpsertEvent.class, p.plan(change("Event", "00U000000000001AAA", "created", 1L, f)));
        assertEquals(Instant.parse("2026-01-06T10:00:00Z").getEpochSecond(), u.spec().startSec());
        assertEquals(45 * 60, u.spec().endSec() - u.spec().startSec());
        assertEquals(List.of("ada@acme.test"), u.spec().participants());
        assertEquals("timespan", u.spec().when().path("object").asText());

        f.put("IsAllDayEvent", "true");
        f.put("ActivityDate", "2026-01-07");
        UpsertEvent allDay = (UpsertEvent) p.plan(change("Event", "00U000000000001AAA", "updated", 2L, f));
        assertEquals("date", allDay.spec().when().path("object").asText());
        // Salesforce ends an all-day event on its last day; Nylas' datespan ends the day after (exclusive end_date)
        f.put("EndDateTime", "2026-01-09T00:00:00.000+0000");
        UpsertEvent threeDays = (UpsertEvent) p.plan(change("Event", "00U000000000001AAA", "updated", 3L, f));
        assertEquals("datespan", threeDays.spec().when().path("object").asText());
        assertEquals("2026-01-07", threeDays.spec().when().path("start_date").asText());
        assertEquals("2026-01-10", threeDays.spec().when().path("end_date").asText(), "7, 8 and 9 January");
        f.remove("EndDateTime");

        assertInstanceOf(DeleteEvent.class, p.plan(change("Event", "00U000000000001AAA", "deleted", 3L, f)));
        assertInstanceOf(Invalid.class, p.plan(change("Event", "00U000000000002AAA", "created", 1L,
                Map.of("Subject", "no time"))));
    }

    @Test
    void aClosedWonOpportunityPlansOneCreateOnlyKickoff() {
        // the day after CloseDate (a Sunday) at 15:00 UTC, as before the local hour and weekday settings
        OutboundPlanner p = planner(Map.of("opportunity.kickoff.local.hour", "15",
                "opportunity.kickoff.weekdays.only", "false"));
        Map<String, String> f = new HashMap<>(Map.of("Name", "Acme renewal", "StageName", "Closed Won",
                "CloseDate", "2026-01-10", "Owner.Email", "rep@example.com"));
        UpsertEvent k = assertInstanceOf(UpsertEvent.class, p.plan(change("Opportunity", "006000000000001AAA", "updated", 1L, f)));
        assertTrue(k.createOnly());
        assertEquals("Kickoff: Acme renewal", k.spec().title());
        assertEquals(Instant.parse("2026-01-11T15:00:00Z").getEpochSecond(), k.spec().startSec());
        f.put("StageName", "Negotiation/Review");
        assertInstanceOf(Ignore.class, p.plan(change("Opportunity", "006000000000001AAA", "updated", 2L, f)));
        f.put("StageName", "Closed Won");
        assertInstanceOf(Ignore.class, planner(Map.of("opportunity.kickoff.enabled", "false"))
                .plan(change("Opportunity", "006000000000001AAA", "updated", 2L, f)));
    }

    @Test
    void theKickoffInvitesThePrimaryContactAtTheLocalHourInTheOwnersZoneOnAWeekday() {
        // CloseDate Friday 2026-01-09, one day later is Saturday: moved to Monday 12th, 10:00 in Los Angeles
        Map<String, String> f = new HashMap<>(Map.of("Name", "Acme renewal", "StageName", "Closed Won",
                "CloseDate", "2026-01-09", "Owner.Email", "rep@example.com",
                "Owner.TimeZoneSidKey", "America/Los_Angeles", "PrimaryContact.Email", "ada@acme.test",
                "PrimaryContact.Name", "Ada Lovelace"));
        UpsertEvent k = assertInstanceOf(UpsertEvent.class,
                planner(Map.of()).plan(change("Opportunity", "006000000000001AAA", "updated", 1L, f)));
        assertEquals(Instant.parse("2026-01-12T18:00:00Z").getEpochSecond(), k.spec().startSec());
        assertEquals(Instant.parse("2026-01-12T19:00:00Z").getEpochSecond(), k.spec().endSec());
        assertEquals(List.of("ada@acme.test"), k.spec().participants());

        UpsertEvent alone = assertInstanceOf(UpsertEvent.class, planner(Map.of(
                "opportunity.kickoff.invite.primary.contact", "false", "opportunity.kickoff.local.hour", "9",
                "opportunity.kickoff.weekdays.only", "false"))
                .plan(change("Opportunity", "006000000000001AAA", "updated", 1L, f)));
        assertEquals(List.of(), alone.spec().participants());
        assertEquals(Instant.parse("2026-01-10T17:00:00Z").getEpochSecond(), alone.spec().startSec());

        // no zone on the record (CDC) or an unknown key: the fallback zone
        f.put("Owner.TimeZoneSidKey", "Mars/Olympus_Mons");
        UpsertEvent paris = assertInstanceOf(UpsertEvent.class, planner(Map.of(
                "opportunity.kickoff.default.time.zone", "Europe/Paris"))
                .plan(change("Opportunity", "006000000000001AAA", "updated", 1L, f)));
        assertEquals(Instant.parse("2026-01-12T09:00:00Z").getEpochSecond(), paris.spec().startSec());
    }

    @Test
    void aKickoffTimeZoneSettingThatIsNoZoneIsRefused() {
        assertThrows(org.apache.kafka.common.config.ConfigException.class,
                () -> planner(Map.of("opportunity.kickoff.default.time.zone", "Nowhere/Atlantis")));
    }
}
