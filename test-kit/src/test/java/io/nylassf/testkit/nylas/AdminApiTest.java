package io.nylassf.testkit.nylas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code /__admin/nylas} endpoints a standalone emulator is driven with. */
class AdminApiTest {
    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension();

    @Test
    void stateCanBeDrivenOverHttp() throws Exception {
        Api admin = new Api(nylas.emulator().baseUrl(), null);
        Api api = new Api(nylas.emulator());
        String g = admin.post("/__admin/nylas/grants", Map.of("email", "curl@acme.test", "provider", "google"))
                .data().path("id").asText();
        assertEquals(200, admin.post("/__admin/nylas/grants/" + g + "/messages",
                Map.of("subject", "seeded", "date", 1_700_000_000L)).status());
        assertEquals("seeded", api.get("/v3/grants/" + g + "/messages").data().get(0).path("subject").asText());
        assertEquals(200, admin.post("/__admin/nylas/grants/" + g + "/events?calendar_id=primary",
                Map.of("when", Map.of("date", "2026-05-01"))).status());
        assertEquals(200, admin.post("/__admin/nylas/grants/" + g + "/contacts", Map.of("given_name", "C")).status());
        assertEquals(1, admin.get("/__admin/nylas/grants/" + g + "/events").data().size());
        assertEquals(400, admin.post("/__admin/nylas/grants/" + g + "/events", Map.of("title", "no when")).status());

        admin.post("/__admin/nylas/grants/" + g + "/expire", null);
        assertEquals(401, api.get("/v3/grants/" + g + "/messages").status());
        admin.post("/__admin/nylas/grants/" + g + "/restore", null);
        assertEquals(200, api.get("/v3/grants/" + g + "/messages").status());

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            nylas.emulator().registerWebhook(receiver.url(), "contact.updated");
            admin.post("/__admin/nylas/webhooks/pause", null);
            admin.post("/__admin/nylas/grants/" + g + "/contacts", Map.of("given_name", "Later"));
            await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.received().isEmpty());
            admin.post("/__admin/nylas/webhooks/resume", null);
            receiver.await(1, Duration.ofSeconds(5));
            assertTrue(nylas.emulator().awaitWebhooks(Duration.ofSeconds(5)));
            List<?> log = Api.JSON.convertValue(admin.get("/__admin/nylas/webhooks/deliveries").data(), List.class);
            assertEquals(1, log.size());
        }
        Api.Resp counts = admin.get("/__admin/nylas/counts");
        assertTrue(counts.data().path("total").asLong() >= 3);
        assertEquals(3, counts.data().path("endpoints").path("GET /v3/grants/{grantId}/messages").asLong());
        assertEquals(404, admin.post("/__admin/nylas/grants/nope/expire", null).status());
    }

    @Test
    void timeBoundsAreStrictByDefaultAndSwitchableOverHttp() {
        Api admin = new Api(nylas.emulator().baseUrl(), null);
        Api api = new Api(nylas.emulator());
        String g = nylas.emulator().createGrant("bounds@acme.test", "google");
        nylas.emulator().addMessage(g, NylasMessage.create().date(1_700_000_000L));
        String onTheBound = "/v3/grants/" + g + "/messages?received_after=1700000000";
        try {
            assertEquals("strict", admin.get("/__admin/nylas/time-bounds").data().path("bounds").asText());
            assertEquals(0, api.get(onTheBound).data().size(), "strict: a message on the bound is not returned");
            assertEquals("inclusive", admin.post("/__admin/nylas/time-bounds", Map.of("bounds", "inclusive"))
                    .data().path("bounds").asText());
            assertEquals(TimeBounds.INCLUSIVE, nylas.emulator().timeBounds());
            assertEquals(1, api.get(onTheBound).data().size(), "inclusive: it is");
            Api.Resp typo = admin.post("/__admin/nylas/time-bounds", Map.of("bound", "strict"));
            assertEquals(400, typo.status(), "a body without a valid value changes nothing");
            assertEquals(TimeBounds.INCLUSIVE, nylas.emulator().timeBounds());
            assertEquals(400, admin.post("/__admin/nylas/time-bounds", Map.of("bounds", "loose")).status());
            admin.post("/__admin/nylas/time-bounds", Map.of("bounds", "strict"));
            assertEquals(TimeBounds.STRICT, nylas.emulator().timeBounds());
        } finally {
            nylas.emulator().timeBounds(TimeBounds.STRICT);
        }
    }
}
