package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhooksTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b
            .webhookRetryDelays(Duration.ofMillis(50), Duration.ofMillis(100))
            .truncationThreshold(4_000));

    static final WebhookReceiver receiver = new WebhookReceiver();
    static String webhookId;
    static String secret;

    @BeforeEach
    void registerOnce() throws Exception {
        if (webhookId == null) {
            Api.Resp r = new Api(nylas.emulator()).post("/v3/webhooks", Map.of(
                    "trigger_types", List.of("message.created", "message.updated", "message.deleted",
                            "event.created", "event.updated", "contact.updated", "contact.deleted", "grant.expired",
                            "grant.updated"),
                    "webhook_url", receiver.url(), "description", "conformance",
                    "notification_email_addresses", List.of("ops@acme.test")));
            assertEquals(200, r.status(), r.body());
            webhookId = r.data().path("id").asText();
            secret = r.data().path("webhook_secret").asText();
        }
        assertTrue(nylas.emulator().awaitWebhooks(WAIT));
        receiver.clear();
        receiver.defaultStatus(200);
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    /** Independent of the emulator's signer: HMAC-SHA256 over the raw bytes, lowercase hex. */
    static String hmac(String key, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder sb = new StringBuilder();
        for (byte b : mac.doFinal(body)) {
            sb.append(String.format("%02x", b));
        }
        return sb.toString();
    }

    @Test
    void registrationReturnsTheSecretOnceAndGetHidesIt() {
        Api api = new Api(nylas.emulator());
        JsonNode w = api.get("/v3/webhooks/" + webhookId).data();
        assertEquals("active", w.path("status").asText());
        assertEquals(receiver.url(), w.path("webhook_url").asText());
        assertFalse(w.has("webhook_secret"));
        assertTrue(secret.length() >= 32);
        assertEquals(1, api.get("/v3/webhooks").data().size());
    }

    @Test
    void registrationIsRefusedWhenTheChallengeIsAnsweredWrongly() {
        try (WebhookReceiver bad = new WebhookReceiver().answerChallengeWrongly(true)) {
            Api api = new Api(nylas.emulator());
            Api.Resp r = api.post("/v3/webhooks", Map.of("trigger_types", List.of("message.created"),
                    "webhook_url", bad.url()));
            assertEquals(400, r.status(), r.body());
            assertEquals(1, api.get("/v3/webhooks").data().size(), "not registered");
        }
        Api.Resp unreachable = new Api(nylas.emulator()).post("/v3/webhooks", Map.of(
                "trigger_types", List.of("message.created"), "webhook_url", "http://127.0.0.1:1/hook"));
        assertEquals(400, unreachable.status());
    }

    @Test
    void aMessageNotificationCarriesNoHeadersWhichOnlyAReadWithIncludeHeadersReturns() throws Exception {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("headers@acme.test", "google");
        String id = e.addMessage(g, NylasMessage.create().subject("hi").header("Message-ID", "<x@acme.test>")
                .header("List-Unsubscribe", "<mailto:out@acme.test>")).get("id").asText();
        JsonNode o = receiver.await(1, WAIT).get(0).json().at("/data/object");
        assertEquals(id, o.path("id").asText());
        assertFalse(o.has("headers"), "message.created documents no headers");
        Api api = new Api(e);
        assertFalse(api.get("/v3/grants/" + g + "/messages/" + id).data().has("headers"));
        JsonNode full = api.get("/v3/grants/" + g + "/messages/" + id + "?fields=include_headers").data();
        assertEquals("<x@acme.test>", full.at("/headers/0/value").asText());
        assertEquals("List-Unsubscribe", full.at("/headers/1/name").asText());
    }

    @Test
    void deliveryIsASignedCloudEventsEnvelope() throws Exception {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("hook@acme.test", "google");
        String id = e.addMessage(g, NylasMessage.create().subject("hello").body("<b>hi</b>")).get("id").asText();
        WebhookReceiver.Received r = receiver.await(1, WAIT).get(0);
        JsonNode env = r.json();
        assertEquals("1.0", env.path("specversion").asText());
        assertEquals("message.created", env.path("type").asText());
        assertEquals("/google/emails/realtime", env.path("source").asText());
        assertFalse(env.path("id").asText().isEmpty());
        assertTrue(env.path("time").isIntegralNumber());
        assertEquals(1, env.path("webhook_delivery_attempt").asInt());
        assertFalse(env.path("data").path("application_id").asText().isEmpty());
        assertEquals(id, r.object().path("id").asText());
        assertEquals("<b>hi</b>", r.object().path("body").asText());
        assertEquals("application/json", r.headers().get("Content-Type"));
        assertEquals(hmac(secret, r.body()), r.signature());
    }

    @Test
    void retriesOn503WithTheSameIdAndIncreasingAttempt() throws Exception {
        receiver.respondWith(503, 503);
        String g = nylas.emulator().createGrant("retry@acme.test", "google");
        nylas.emulator().addContact(g, Map.of("given_name", "Retry"));
        List<WebhookReceiver.Received> got = receiver.await(3, WAIT);
        assertEquals(3, got.size());
        assertEquals(List.of(1, 2, 3), got.stream().map(WebhookReceiver.Received::attempt).toList());
        assertEquals(1, got.stream().map(WebhookReceiver.Received::id).distinct().count());
        for (WebhookReceiver.Received r : got) {
            assertEquals("contact.updated", r.type(), "creation arrives as contact.updated");
            assertEquals(hmac(secret, r.body()), r.signature(), "each attempt re-signed");
        }
        assertTrue(nylas.emulator().awaitWebhooks(WAIT));
        List<WebhookDelivery> log = nylas.emulator().webhookDeliveries().stream()
                .filter(d -> d.notificationId().equals(got.get(0).id())).toList();
        assertEquals(List.of(503, 503, 200), log.stream().map(WebhookDelivery::status).toList());
    }

    @Test
    void givesUpAfterThreeAttempts() throws Exception {
        receiver.defaultStatus(504);
        String g = nylas.emulator().createGrant("giveup@acme.test", "google");
        nylas.emulator().addContact(g, Map.of("given_name", "G"));
        assertTrue(nylas.emulator().awaitWebhooks(WAIT));
        assertEquals(3, receiver.received().size());
    }

    @Test
    void noRetryOn400Or500() throws Exception {
        receiver.respondWith(400, 500);
        String g = nylas.emulator().createGrant("noretry@acme.test", "google");
        nylas.emulator().addContact(g, Map.of("given_name", "A"));
        nylas.emulator().addContact(g, Map.of("given_name", "B"));
        assertTrue(nylas.emulator().awaitWebhooks(WAIT));
        // no retry arrives for longer than every retry delay
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> receiver.received().size() == 2);
        assertEquals(2, receiver.received().size());
        assertTrue(receiver.received().stream().allMatch(r -> r.attempt() == 1));
    }

    @Test
    void largeBodiesArriveAsTruncatedWithoutBody() throws Exception {
        String g = nylas.emulator().createGrant("big@acme.test", "google");
        String id = nylas.emulator().addMessage(g, NylasMessage.create().body("x".repeat(10_000))).get("id").asText();
        WebhookReceiver.Received r = receiver.await(1, WAIT).get(0);
        assertEquals("message.created.truncated", r.type());
        assertEquals(id, r.object().path("id").asText());
        assertFalse(r.object().has("body"));
        assertTrue(r.signedWith(secret));
    }

    @Test
    void grantExpiryAndRestoreAreNotified() throws Exception {
        String g = nylas.emulator().createGrant("exp@acme.test", "microsoft");
        nylas.emulator().expireGrant(g);
        WebhookReceiver.Received r = receiver.await(1, WAIT).get(0);
        assertEquals("grant.expired", r.type());
        JsonNode o = r.object();
        for (String f : List.of("code", "grant_id", "integration_id", "provider", "email", "grant_updated_at")) {
            assertTrue(o.has(f), "grant.expired has " + f + ": " + o);
        }
        assertEquals(g, o.path("grant_id").asText());
        nylas.emulator().restoreGrant(g);
        assertEquals("grant.updated", receiver.await(2, WAIT).get(1).type());
    }

    @Test
    void updatesDeletesAndMetadataOnlyEventChanges() throws Exception {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("changes@acme.test", "google");
        String m = e.addMessage(g, NylasMessage.create().subject("s")).get("id").asText();
        Api api = new Api(e);
        api.put("/v3/grants/" + g + "/messages/" + m, Map.of("unread", false));
        api.delete("/v3/grants/" + g + "/messages/" + m);
        String ev = e.addEvent(g, "primary", Map.of("when", Map.of("time", 1_800_000_000L))).get("id").asText();
        api.put("/v3/grants/" + g + "/events/" + ev + "?calendar_id=primary", Map.of("metadata", Map.of("key1", "x")));
        api.put("/v3/grants/" + g + "/events/" + ev + "?calendar_id=primary", Map.of("title", "renamed"));
        assertTrue(e.awaitWebhooks(WAIT));
        List<String> types = receiver.received().stream().map(WebhookReceiver.Received::type).sorted().toList();
        assertEquals(List.of("event.created", "event.updated", "message.created", "message.deleted",
                "message.updated"), types, "metadata-only event update fires nothing");
    }

    @Test
    void pauseQueuesAndResumeDelivers() throws Exception {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("pause@acme.test", "google");
        e.pauseWebhooks();
        e.addContact(g, Map.of("given_name", "Queued"));
        await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> receiver.received().isEmpty());
        e.resumeWebhooks();
        assertEquals(1, receiver.await(1, WAIT).size());
    }

    @Test
    void redeliverSendsADuplicateWithTheSameId() throws Exception {
        String g = nylas.emulator().createGrant("dup@acme.test", "google");
        nylas.emulator().addContact(g, Map.of("given_name", "Dup"));
        String id = receiver.await(1, WAIT).get(0).id();
        assertTrue(nylas.emulator().redeliver(id));
        List<WebhookReceiver.Received> got = receiver.await(2, WAIT);
        assertEquals(id, got.get(1).id());
    }

    @Test
    void rotatedSecretSignsLaterDeliveries() throws Exception {
        try (WebhookReceiver other = new WebhookReceiver()) {
            Api api = new Api(nylas.emulator());
            String id = api.post("/v3/webhooks", Map.of("trigger_types", List.of("contact.deleted"),
                    "webhook_url", other.url())).data().path("id").asText();
            Api.Resp rotated = api.post("/v3/webhooks/rotate-secret/" + id, null);
            assertEquals(200, rotated.status(), rotated.body());
            String newSecret = rotated.data().path("webhook_secret").asText();
            String g = nylas.emulator().createGrant("rot@acme.test", "google");
            String c = nylas.emulator().addContact(g, Map.of("given_name", "R")).get("id").asText();
            nylas.emulator().deleteContact(g, c);
            WebhookReceiver.Received r = other.await(1, WAIT).get(0);
            assertEquals("contact.deleted", r.type());
            assertEquals(hmac(newSecret, r.body()), r.signature());
            assertEquals(200, api.delete("/v3/webhooks/" + id).status());
            assertEquals(404, api.get("/v3/webhooks/" + id).status());
        }
    }
}
