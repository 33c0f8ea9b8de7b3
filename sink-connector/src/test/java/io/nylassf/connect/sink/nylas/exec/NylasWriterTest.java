package io.nylassf.connect.sink.nylas.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.sink.nylas.Changes;
import io.nylassf.connect.sink.nylas.grant.GrantResolver;
import io.nylassf.connect.sink.nylas.plan.EventSpec;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.DeleteEvent;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Owner;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Send;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.UpsertEvent;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.nylas.Changes.change;
import static io.nylassf.connect.sink.nylas.Changes.sendableTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Actions against the Nylas emulator: never twice, last write wins, 429 per grant, grant failures classified. */
class NylasWriterTest {
    private static NylasEmulator nylas;
    private static NylasClient client;

    @BeforeAll
    static void start() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0).build().start();
        client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        client.close();
        nylas.close();
    }

    @AfterEach
    void reset() {
        nylas.faults().reset();
    }

    private static NylasWriter writer(boolean resend, boolean sfOwnsTimes) {
        return new NylasWriter(client, new GrantResolver(Map.of(), true, client::listGrants, Clock.systemUTC()),
                new GrantThrottle(4), "primary", resend, sfOwnsTimes, false, Clock.systemUTC());
    }

    private static Send send(String taskId, long version, String email) {
        return new Send(change("Task", taskId, "created", version, sendableTask()), new Owner(null, email),
                List.of("ada@acme.test"), "Follow-up", "Thanks");
    }

    @Test
    void aTaskIsSentOnceEvenByAFreshTaskAfterACrash() {
        String grant = nylas.createGrant("sender1@example.com", "google");
        Outcome first = writer(false, false).execute(send("00T000000000001AAA", 10, "sender1@example.com"));
        assertEquals(Outcome.Status.DONE, first.status(), first.detail());
        // a new task (no memory) replays the record, then the edited version arrives
        NylasWriter restarted = writer(false, false);
        assertEquals(Outcome.Status.SKIPPED, restarted.execute(send("00T000000000001AAA", 10, "sender1@example.com")).status());
        assertEquals(Outcome.Status.SKIPPED, restarted.execute(send("00T000000000001AAA", 11, "sender1@example.com")).status());
        assertEquals(1, nylas.sendCount(grant));
        ObjectNode sent = nylas.sentMessages(grant).get(0);
        assertEquals("sf:00T000000000001AAA", sent.path("metadata").path("key1").asText());
        assertTrue(sent.toString().contains("X-Nylas-Sf-Id"), sent.toString());
    }

    @Test
    void resendOnEditSendsEachVersionOnce() {
        String grant = nylas.createGrant("sender2@example.com", "google");
        NylasWriter w = writer(true, false);
        w.execute(send("00T000000000002AAA", 10, "sender2@example.com"));
        w.execute(send("00T000000000002AAA", 10, "sender2@example.com"));
        assertEquals(Outcome.Status.DONE, writer(true, false).execute(send("00T000000000002AAA", 11, "sender2@example.com")).status());
        assertEquals(Outcome.Status.SKIPPED, writer(true, false).execute(send("00T000000000002AAA", 11, "sender2@example.com")).status());
        assertEquals(2, nylas.sendCount(grant));
    }

    @Test
    void rateLimitsAreWaitedOutPerGrantAndOutagesRetried() {
        String grant = nylas.createGrant("sender3@example.com", "google");
        nylas.faults().onlyPaths(".*/messages/send").retryAfterSeconds(1).failNext("429", 2);
        Outcome o = writer(false, false).execute(send("00T000000000003AAA", 1, "sender3@example.com"));
        assertEquals(Outcome.Status.DONE, o.status(), o.detail());
        nylas.faults().failNext("503", 1);
        assertEquals(Outcome.Status.RETRY, writer(false, false).execute(send("00T000000000004AAA", 1, "sender3@example.com")).status());
        assertEquals(1, nylas.sendCount(grant), "the 503 sent nothing; Connect redelivers the record");
    }

    @Test
    void expiredAndUnknownGrantsAreClassified() {
        String grant = nylas.createGrant("expired@example.com", "google");
        nylas.expireGrant(grant);
        assertEquals(Outcome.Status.GRANT_EXPIRED, writer(false, false).execute(send("00T000000000005AAA", 1, "expired@example.com")).status());
        assertEquals(Outcome.Status.FAILED, writer(false, false).execute(send("00T000000000005AAA", 1, "nobody@example.com")).status());
    }

    private static UpsertEvent event(String id, long version, String title, long start, boolean createOnly) {
        return new UpsertEvent(change("Event", id, "updated", version, Map.of()), new Owner(null, "cal@example.com"),
                new EventSpec(title, null, null, start, start + 1800, null, null, List.of()), createOnly, null);
    }

    @Test
    void eventsAreFoundByTagNewestWinsAndTheCalendarOwnsTimes() {
        String grant = nylas.createGrant("cal@example.com", "google");
        NylasWriter w = writer(false, false);
        long t0 = 1_780_000_000L;
        assertEquals(Outcome.Status.DONE, w.execute(event("00U000000000001AAA", 10, "v1", t0, false)).status());
        assertEquals(Outcome.Status.DONE, w.execute(event("00U000000000001AAA", 30, "v3", t0 + 3600, false)).status());
        // an older edit delivered late changes nothing
        assertEquals(Outcome.Status.SKIPPED, w.execute(event("00U000000000001AAA", 20, "v2", t0, false)).status());
        List<ObjectNode> events = nylas.events(grant);
        assertEquals(1, events.size());
        assertEquals("v3", events.get(0).path("title").asText());
        assertEquals(t0, events.get(0).path("when").path("start_time").asLong(), "the calendar owns the times");

        assertEquals(Outcome.Status.DONE, writer(false, true).execute(event("00U000000000001AAA", 40, "v4", t0 + 7200, false)).status());
        assertEquals(t0 + 7200, nylas.events(grant).get(0).path("when").path("start_time").asLong());

        assertEquals(Outcome.Status.SKIPPED, w.execute(event("00U000000000001AAA", 50, "kickoff", t0, true)).status());
        assertEquals(Outcome.Status.DONE, w.execute(new DeleteEvent(change("Event", "00U000000000001AAA", "deleted", 60,
                Map.of()), new Owner(null, "cal@example.com"), null)).status());
        assertEquals(0, nylas.events(grant).size());
    }

    @Test
    void anEventIdThatIsNotAnIdNeverReachesAPathAndGoesToTheDlq() {
        String grant = nylas.createGrant("dots@example.com", "google");
        long t0 = 1_780_000_000L;
        nylas.addEvent(grant, "primary", Map.of("title", "keep", "when", Map.of("start_time", t0, "end_time", t0 + 60)));
        Outcome o = writer(false, false).execute(new DeleteEvent(change("Event", "00U000000000009AAA", "deleted", 1,
                Map.of()), new Owner(null, "dots@example.com"), ".."));
        assertEquals(Outcome.Status.FAILED, o.status(), o.detail());
        assertTrue(o.detail().contains("not a valid Nylas id"), o.detail());
        assertEquals(1, nylas.events(grant).size());
    }

    @Test
    void anEventTaggedForAnotherRecordIsNeitherUpdatedNorDeleted() {
        String grant = nylas.createGrant("tags@example.com", "google");
        long t0 = 1_780_000_000L;
        NylasWriter w = writer(false, false);
        assertEquals(Outcome.Status.DONE, w.execute(new UpsertEvent(change("Event", "00U00000000000AAAA", "updated", 1,
                Map.of()), new Owner(null, "tags@example.com"), new EventSpec("mine", null, null, t0, t0 + 60, null,
                null, List.of()), false, null)).status());
        String mine = nylas.events(grant).get(0).path("id").asText();
        Outcome update = w.execute(new UpsertEvent(change("Event", "00U00000000000BAAA", "updated", 2, Map.of()),
                new Owner(null, "tags@example.com"), new EventSpec("hijack", null, null, t0, t0 + 60, null, null,
                List.of()), false, mine));
        assertEquals(Outcome.Status.NOT_AUTHORIZED, update.status(), update.detail());
        assertTrue(update.detail().startsWith("not_authorized: event " + mine), update.detail());
        Outcome delete = w.execute(new DeleteEvent(change("Event", "00U00000000000BAAA", "deleted", 3, Map.of()),
                new Owner(null, "tags@example.com"), mine));
        assertEquals(Outcome.Status.NOT_AUTHORIZED, delete.status(), delete.detail());
        assertEquals("mine", nylas.events(grant).get(0).path("title").asText());
        // an untagged event (linked by the inbound direction) on the owner's own calendar may be updated
        String linked = nylas.addEvent(grant, "primary", Map.of("title", "from the calendar", "when",
                Map.of("start_time", t0, "end_time", t0 + 60))).path("id").asText();
        assertEquals(Outcome.Status.DONE, w.execute(new UpsertEvent(change("Event", "00U00000000000CAAA", "updated",
                System.currentTimeMillis() + 60_000, Map.of()), new Owner(null, "tags@example.com"), new EventSpec("edited in Salesforce", null, null, t0,
                t0 + 60, null, null, List.of()), false, linked)).status());
    }
}
