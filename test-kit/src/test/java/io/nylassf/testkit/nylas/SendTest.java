package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));

    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b.clock(CLOCK));

    private static Map<String, Object> message(String subject) {
        Map<String, Object> m = new HashMap<>();
        m.put("to", List.of(Map.of("name", "Ada", "email", "ada@acme.test")));
        m.put("subject", subject);
        m.put("body", "<p>Thanks for the call</p>");
        m.put("custom_headers", List.of(Map.of("name", "X-SF-Record", "value", "00T5g000004abcd")));
        m.put("metadata", Map.of("key1", "sf:00T5g000004abcd"));
        m.put("tracking_options", Map.of("opens", true, "links", false, "thread_replies", true, "label", "sf-task-1"));
        return m;
    }

    private static String send(String grant) {
        return "/v3/grants/" + grant + "/messages/send";
    }

    @Test
    void sendStoresTheMessageInSentWithHeadersMetadataAndTracking() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("send@acme.test", "google");
        Api api = new Api(e);
        Api.Resp r = api.post(send(g), message("Q2 plan"));
        assertEquals(200, r.status(), r.body());
        assertEquals(g, r.json().path("grant_id").asText());
        JsonNode data = r.data();
        assertEquals("message", data.path("object").asText());
        assertEquals("SENT", data.path("folders").get(0).asText());
        assertEquals("send@acme.test", data.path("from").get(0).path("email").asText());

        assertEquals(1, e.sendCount(g));
        assertEquals(1, e.sentMessages(g).size());
        Api.Resp sent = api.get("/v3/grants/" + g + "/messages?in=SENT&fields=include_headers");
        JsonNode m = sent.data().get(0);
        assertEquals(data.path("id").asText(), m.path("id").asText());
        assertEquals("sf:00T5g000004abcd", m.path("metadata").path("key1").asText());
        boolean found = false;
        for (JsonNode h : m.path("headers")) {
            found |= h.path("name").asText().equals("X-SF-Record") && h.path("value").asText().equals("00T5g000004abcd");
        }
        assertTrue(found, "custom header stored: " + m);
        JsonNode tracked = api.get("/v3/grants/" + g + "/messages/" + m.path("id").asText()
                + "?fields=include_tracking_options").data();
        assertEquals("sf-task-1", tracked.path("tracking_options").path("label").asText());
        assertEquals(1, api.get("/v3/grants/" + g + "/messages?metadata_pair=key1:sf:00T5g000004abcd").data().size());
    }

    @Test
    void validationErrors() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("invalid@acme.test", "google");
        Api api = new Api(e);
        Map<String, Object> noTo = message("x");
        noTo.remove("to");
        assertEquals(400, api.post(send(g), noTo).status());

        Map<String, Object> tooMany = message("x");
        Map<String, String> md = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            md.put("k" + i, "v");
        }
        tooMany.put("metadata", md);
        assertEquals(400, api.post(send(g), tooMany).status());

        Map<String, Object> longValue = message("x");
        longValue.put("metadata", Map.of("key1", "v".repeat(501)));
        assertEquals(400, api.post(send(g), longValue).status());

        Map<String, Object> longLabel = message("x");
        longLabel.put("tracking_options", Map.of("label", "l".repeat(2049)));
        Api.Resp r = api.post(send(g), longLabel);
        assertEquals(400, r.status());
        assertEquals("invalid_request_error", r.errorType());
        assertEquals(0, e.sendCount(g));
    }

    @Test
    void idempotencyKeyReplaysTheCachedResponseWithoutSendingTwice() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("idem@acme.test", "google");
        Api api = new Api(e);
        Map<String, Object> body = message("once");
        Api.Resp first = api.call("POST", send(g), body, "Idempotency-Key", "sf-00T1-v1");
        Api.Resp replay = api.call("POST", send(g), body, "Idempotency-Key", "sf-00T1-v1");
        assertEquals(200, first.status());
        assertNull(first.header("Idempotent-Response"));
        assertEquals(200, replay.status());
        assertEquals("true", replay.header("Idempotent-Response"));
        assertEquals(first.body(), replay.body());
        assertEquals(1, e.sendCount(g));
        assertEquals(1, e.sentMessages(g).size());

        Api.Resp different = api.call("POST", send(g), message("other"), "Idempotency-Key", "sf-00T1-v1");
        assertEquals(409, different.status());
        assertEquals("api.invalid_idempotent_request", different.errorType());

        Api.Resp tooLong = api.call("POST", send(g), body, "Idempotency-Key", "k".repeat(257));
        assertEquals(400, tooLong.status());
        assertEquals("api.invalid_idempotency_key", tooLong.errorType());

        // the key is per grant, and expires after an hour of emulator time
        String other = e.createGrant("idem2@acme.test", "google");
        assertNull(api.call("POST", send(other), body, "Idempotency-Key", "sf-00T1-v1").header("Idempotent-Response"));
        CLOCK.advance(Duration.ofMinutes(61));
        Api.Resp afterExpiry = api.call("POST", send(g), body, "Idempotency-Key", "sf-00T1-v1");
        assertNull(afterExpiry.header("Idempotent-Response"));
        assertEquals(2, e.sendCount(g));
    }

    @Test
    void sameKeyWhileTheFirstIsInFlightIs409() throws Exception {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("flight@acme.test", "google");
        Api api = new Api(e);
        e.sendLatency(Duration.ofMillis(600));
        String sendEndpoint = "POST /v3/grants/{grantId}/messages/send";
        long sendsBefore = e.requestCount(sendEndpoint);
        try {
            CompletableFuture<Api.Resp> first = CompletableFuture.supplyAsync(
                    () -> api.call("POST", send(g), message("slow"), "Idempotency-Key", "flight-1"));
            // once the first send has arrived it is held for 600 ms
            await().atMost(Duration.ofSeconds(5)).until(() -> e.requestCount(sendEndpoint) > sendsBefore);
            Api.Resp second = api.call("POST", send(g), message("slow"), "Idempotency-Key", "flight-1");
            assertEquals(409, second.status());
            assertEquals("api.concurrent_idempotent_request", second.errorType());
            assertEquals(200, first.get().status());
        } finally {
            e.sendLatency(Duration.ZERO);
        }
        assertEquals(1, e.sendCount(g));
    }

    @Test
    void sendAtAMinuteAheadIsScheduled() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("sched@acme.test", "google");
        Api api = new Api(e);
        Map<String, Object> body = message("later");
        body.put("send_at", CLOCK.instant().getEpochSecond() + 120);
        Api.Resp r = api.post(send(g), body);
        assertEquals(202, r.status(), r.body());
        assertFalse(r.data().path("schedule_id").asText().isEmpty());
        assertEquals(0, e.sendCount(g));
        CLOCK.advance(Duration.ofSeconds(121));
        e.runScheduledSends();
        assertEquals(1, e.sendCount(g));
        assertEquals("later", e.sentMessages(g).get(0).path("subject").asText());
    }
}
