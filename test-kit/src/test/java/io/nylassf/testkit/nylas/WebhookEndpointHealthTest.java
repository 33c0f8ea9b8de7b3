package io.nylassf.testkit.nylas;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A destination's status moves as Nylas documents: 95% of deliveries failing over 15 minutes make it failing
 * (deliveries go on), a success makes it active again, 72 hours more of failing make it failed (deliveries stop
 * until an admin sets it active).
 */
class WebhookEndpointHealthTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private NylasEmulator nylas;
    private WebhookReceiver receiver;
    private Api api;
    private String id;
    private String grant;

    @BeforeEach
    void start() {
        nylas = NylasEmulator.builder().clock(clock).webhookRetryDelays().build().start();
        receiver = new WebhookReceiver();
        api = new Api(nylas);
        id = api.post("/v3/webhooks", Map.of("trigger_types", List.of("contact.updated"),
                "webhook_url", receiver.url())).data().path("id").asText();
        grant = nylas.createGrant("health@acme.test", "google");
    }

    @AfterEach
    void stop() {
        receiver.close();
        nylas.close();
    }

    @Test
    void failuresSustainedOverTheWindowMakeItFailingAndASuccessMakesItActive() throws Exception {
        receiver.defaultStatus(400);
        notifyOnce();
        clock.advance(Duration.ofMinutes(10));
        notifyOnce();
        assertEquals("active", status(), "failing for 10 minutes only");

        clock.advance(Duration.ofMinutes(6));
        assertEquals("failing", status(), "every delivery failed for over 15 minutes");
        notifyOnce();
        assertEquals(3, receiver.received().size(), "a failing destination still gets deliveries");

        receiver.defaultStatus(200);
        notifyOnce();
        assertEquals("active", status(), "a delivery that succeeds makes it active again");
    }

    @Test
    void oneSuccessInTenKeepsItActive() throws Exception {
        // half an hour of deliveries a minute apart, nine in ten failing: under 95% in every 15 minutes
        for (int i = 0; i < 30; i++) {
            receiver.defaultStatus(i % 10 == 9 ? 200 : 400);
            notifyOnce();
            clock.advance(Duration.ofMinutes(1));
            assertEquals("active", status(), "after minute " + i);
        }
    }

    @Test
    void failingFor72HoursMoreMakesItFailedAndDeliveriesStopUntilAnAdminSetsItActive() throws Exception {
        receiver.defaultStatus(400);
        notifyOnce();
        clock.advance(Duration.ofMinutes(16));
        assertEquals("failing", status());
        clock.advance(Duration.ofHours(72));
        assertEquals("failed", status());

        int before = receiver.received().size();
        nylas.addContact(grant, Map.of("given_name", "Unseen"));
        assertTrue(nylas.awaitWebhooks(WAIT));
        assertEquals(before, receiver.received().size(), "nothing is delivered to a failed destination");

        receiver.defaultStatus(200);
        assertEquals(200, api.put("/v3/webhooks/" + id, Map.of("status", "active")).status());
        assertEquals("active", status());
        notifyOnce();
        assertEquals(before + 1, receiver.received().size());
    }

    private void notifyOnce() throws InterruptedException {
        int before = receiver.received().size();
        nylas.addContact(grant, Map.of("given_name", "C" + before));
        receiver.await(before + 1, WAIT);
        assertTrue(nylas.awaitWebhooks(WAIT));
    }

    private String status() {
        return api.get("/v3/webhooks/" + id).data().path("status").asText();
    }
}
