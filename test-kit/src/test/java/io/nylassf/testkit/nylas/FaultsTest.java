package io.nylassf.testkit.nylas;

import io.nylassf.testkit.http.FaultInjector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest {
    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b.rateLimitPerSecond(0));
    static String grant;

    @BeforeAll
    static void grant() {
        grant = nylas.emulator().createGrant("faults@acme.test", "google");
    }

    @AfterEach
    void reset() {
        nylas.emulator().faults().reset();
    }

    private Api.Resp list() {
        return new Api(nylas.emulator()).get("/v3/grants/" + grant + "/messages");
    }

    @Test
    void everyKindAnswersInNylasShape() {
        FaultInjector f = nylas.emulator().faults();
        f.retryAfterSeconds(3).failNext("429", 1);
        Api.Resp r429 = list();
        assertEquals(429, r429.status());
        assertEquals("rate_limit_error", r429.errorType());
        assertEquals("3", r429.header("Retry-After"));

        Map<String, String> types = Map.of("500", "api.internal_error", "503", "api.provider_error",
                "504", "api.provider_error");
        types.forEach((kind, type) -> {
            f.failNext(kind, 1);
            Api.Resp r = list();
            assertEquals(Integer.parseInt(kind), r.status());
            assertEquals(type, r.errorType());
            assertTrue(r.json().has("request_id"));
        });
        assertEquals(200, list().status(), "one-shots are used up");
    }

    @Test
    void eachGrantsCallsInFlightAreMeasuredWithTheInjectedLatency() throws Exception {
        NylasEmulator emulator = nylas.emulator();
        String other = emulator.createGrant("faults-other@acme.test", "google");
        emulator.resetInFlightHighWater();
        emulator.faults().latency(1_000, 0);
        List<Thread> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(new Thread(() -> list()));
        }
        calls.add(new Thread(() -> new Api(emulator).get("/v3/grants/" + other + "/messages")));
        calls.forEach(Thread::start);
        for (Thread t : calls) {
            t.join();
        }
        assertEquals(3, emulator.inFlightHighWater(grant), "three calls overlapped in the 1 s latency");
        assertEquals(1, emulator.inFlightHighWater(other));
        Api.Resp counts = new Api(emulator.baseUrl(), null).get("/__admin/nylas/counts");
        assertEquals(3, counts.data().path("in_flight_high_water").path(grant).asInt());
    }

    @Test
    void dropClosesTheConnection() {
        // the JDK client silently retries an idempotent GET once on a dropped connection, so drop a few
        nylas.emulator().faults().failNext(FaultInjector.DROP, 3);
        assertThrows(UncheckedIOException.class, this::list);
        nylas.emulator().faults().reset();
        assertEquals(200, list().status());
    }

    @Test
    void latencyIsAdded() {
        nylas.emulator().faults().latency(150, 0);
        long t0 = System.nanoTime();
        assertEquals(200, list().status());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() >= 150);
    }

    @Test
    void seededFaultsAreDeterministic() {
        assertEquals(sequence(42), sequence(42));
    }

    private List<Integer> sequence(long seed) {
        nylas.emulator().faults().reset();
        nylas.emulator().faults().seed(seed).errorRate("503", 0.3).errorRate("500", 0.2);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(list().status());
        }
        assertTrue(out.contains(503) && out.contains(200), out.toString());
        return out;
    }

    @Test
    void faultsNeverTouchAdminOrWebhookDelivery() throws Exception {
        NylasEmulator e = nylas.emulator();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            e.registerWebhook(receiver.url(), "contact.updated");
            e.faults().errorRate("500", 1.0);
            Api admin = new Api(e.baseUrl(), null);
            Api.Resp created = admin.post("/__admin/nylas/grants/" + grant + "/contacts", Map.of("given_name", "Admin"));
            assertEquals(200, created.status(), created.body());
            assertEquals(1, receiver.await(1, Duration.ofSeconds(5)).size());
            assertEquals(500, list().status());
        }
    }

    @Test
    void faultsCanBeConfiguredOverHttp() {
        Api admin = new Api(nylas.emulator().baseUrl(), null);
        assertEquals(200, admin.post("/__admin/faults", Map.of("failNext", Map.of("kind", "504", "count", 1))).status());
        assertEquals(504, list().status());
        assertEquals(200, list().status());
    }
}
