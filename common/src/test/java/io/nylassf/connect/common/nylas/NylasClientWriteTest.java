package io.nylassf.connect.common.nylas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbound write calls against the emulator: idempotent sends, metadata lookups and event CRUD. */
class NylasClientWriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    private static ObjectNode send(String subject, String tag) {
        ObjectNode body = JSON.createObjectNode().put("subject", subject).put("body", "hi");
        body.putArray("to").addObject().put("email", "ada@acme.test");
        body.putObject("metadata").put("key1", tag);
        return body;
    }

    @Test
    void aReplayedIdempotencyKeySendsOnceAndTheTagFindsTheMessage() {
        String grant = nylas.createGrant("rep@example.com", "google");
        Message first = client.sendMessage(grant, send("Follow-up", "sf:00T000000000001AAA"), "k-1");
        Message replay = client.sendMessage(grant, send("Follow-up", "sf:00T000000000001AAA"), "k-1");
        assertEquals(first.id(), replay.id());
        assertEquals(1, nylas.sendCount(grant));

        Page<Message> found = client.listMessages(grant,
                ListQuery.limit(5).with("metadata_pair", "key1:sf:00T000000000001AAA"));
        assertEquals(1, found.data().size());
        assertEquals(first.id(), found.data().get(0).id());

        NylasApiException conflict = assertThrows(NylasApiException.class,
                () -> client.sendMessage(grant, send("Other payload", "sf:00T000000000001AAA"), "k-1"));
        assertEquals(Kind.CONFLICT, conflict.kind());
    }

    @Test
    void createsUpdatesAndDeletesEvents() {
        String grant = nylas.createGrant("cal@example.com", "google");
        ObjectNode ev = JSON.createObjectNode().put("title", "Kickoff");
        ev.putObject("when").put("start_time", 1_770_000_000L).put("end_time", 1_770_003_600L);
        ev.putObject("metadata").put("key1", "sf:00U000000000001AAA");
        Event created = client.createEvent(grant, "primary", ev, false);
        assertNotNull(created.id());

        Event updated = client.updateEvent(grant, "primary", created.id(),
                JSON.createObjectNode().put("title", "Kickoff v2"), false);
        assertEquals("Kickoff v2", updated.json().path("title").asText());

        Page<Event> byTag = client.listEvents(grant, "primary",
                ListQuery.limit(5).with("metadata_pair", "key1:sf:00U000000000001AAA"));
        assertEquals(1, byTag.data().size());

        assertTrue(client.deleteEvent(grant, "primary", created.id(), false));
        assertFalse(client.deleteEvent(grant, "primary", created.id(), false), "already gone");
    }

    @Test
    void anExpiredGrantIsClassifiedOnWrites() {
        String grant = nylas.createGrant("expired@example.com", "google");
        nylas.expireGrant(grant);
        NylasApiException e = assertThrows(NylasApiException.class,
                () -> client.sendMessage(grant, send("x", "sf:00T000000000002AAA"), "k-2"));
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertTrue(e.grantExpired());
    }
}
