package io.nylassf.connect.sink.nylas.exec;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.sink.nylas.grant.GrantResolver;
import io.nylassf.connect.sink.nylas.plan.EventSpec;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nylassf.connect.sink.nylas.Changes.change;
import static io.nylassf.connect.sink.nylas.Changes.sendableTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A writer restarted while Nylas' metadata search lags never writes twice; its memory of sends is bounded. */
class NylasWriterReplayTest {
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
    void noLag() {
        nylas.metadataSearchLag(Duration.ZERO);
    }

    private static NylasWriter writer(boolean resend) {
        return new NylasWriter(client, new GrantResolver(Map.of(), true, client::listGrants, Clock.systemUTC()),
                new GrantThrottle(4), "primary", resend, false, false, Clock.systemUTC());
    }

    private static Send send(String taskId, long version, String email, String subject) {
        Map<String, String> fields = new HashMap<>(sendableTask());
        return new Send(change("Task", taskId, "updated", version, fields), new Owner(null, email),
                List.of("ada@acme.test"), subject, "Thanks");
    }

    @Test
    void aRestartedWriterNeverSendsANewVersionOfASentTaskWhileTheMetadataSearchLags() {
        String grant = nylas.createGrant("lag-send@example.com", "google");
        assertEquals(Outcome.Status.DONE, writer(false).execute(send("00T000000000901AAA", 10,
                "lag-send@example.com", "Follow-up")).status());
        nylas.metadataSearchLag(Duration.ofHours(1)); // the sent message is not findable by its tag
        NylasWriter restarted = writer(false);
        Outcome edited = restarted.execute(send("00T000000000901AAA", 11, "lag-send@example.com",
                "Follow-up (edited)"));
        assertEquals(Outcome.Status.SKIPPED, edited.status(), edited.detail());
        Outcome replay = writer(false).execute(send("00T000000000901AAA", 10, "lag-send@example.com", "Follow-up"));
        assertTrue(replay.status() == Outcome.Status.DONE || replay.status() == Outcome.Status.SKIPPED,
                replay.detail());
        assertEquals(1, nylas.sendCount(grant), "one Task, one message");
    }

    @Test
    void aRestartedWriterNeverCreatesASecondEventWhileTheMetadataSearchLags() {
        String grant = nylas.createGrant("lag-event@example.com", "google");
        long t0 = 1_790_000_000L;
        Owner owner = new Owner(null, "lag-event@example.com");
        EventSpec spec = new EventSpec("Review", null, null, t0, t0 + 1800, null, null, List.of());
        assertEquals(Outcome.Status.DONE, writer(false).execute(new UpsertEvent(change("Event",
                "00U000000000901AAA", "created", 10, Map.of()), owner, spec, false, null)).status());
        nylas.metadataSearchLag(Duration.ofHours(1));
        EventSpec edited = new EventSpec("Review (moved room)", null, "Room 2", t0, t0 + 1800, null, null,
                List.of());
        Outcome o = writer(false).execute(new UpsertEvent(change("Event", "00U000000000901AAA", "updated", 20,
                Map.of()), owner, edited, false, null));
        assertEquals(Outcome.Status.DONE, o.status(), o.detail());
        assertEquals(1, nylas.events(grant).size(), "updated in place, not created twice");
        assertEquals("Review (moved room)", nylas.events(grant).get(0).path("title").asText());
        EventSpec kickoff = new EventSpec("Kickoff", null, null, t0 + 7200, t0 + 9000, null, null, List.of());
        writer(false).execute(new UpsertEvent(change("Opportunity", "006000000000901AAA", "updated", 30,
                Map.of()), owner, kickoff, true, null));
        writer(false).execute(new UpsertEvent(change("Opportunity", "006000000000901AAA", "updated", 31,
                Map.of()), owner, kickoff, true, null));
        assertEquals(2, nylas.events(grant).size(), "one kickoff event, even replayed by a fresh writer");
    }

    @Test
    void theMemoryOfSentTasksIsBounded() {
        SentLedger ledger = new SentLedger(3);
        for (int i = 1; i <= 5; i++) {
            ledger.record("00T00000000000" + i + "AAA", i);
        }
        assertEquals(3, ledger.size());
        assertNull(ledger.get("00T000000000001AAA"), "the least recently used is forgotten");
        assertEquals(5L, ledger.get("00T000000000005AAA"));
        ledger.get("00T000000000003AAA");
        ledger.record("00T000000000006AAA", 6);
        assertEquals(3L, ledger.get("00T000000000003AAA"), "a recent read keeps an entry");
        assertNull(ledger.get("00T000000000004AAA"));
        assertEquals(SentLedger.DEFAULT_CAPACITY, 10_000);
    }
}
