package io.nylassf.testkit.nylas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateLimitTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T00:00:00.000Z"));

    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b.clock(CLOCK)
            .rateLimitPerSecond(5).sendRateLimitPerSecond(2));

    @Test
    void oneGrantIsThrottledAnotherIsNot() {
        NylasEmulator e = nylas.emulator();
        String busy = e.createGrant("busy@acme.test", "google");
        String quiet = e.createGrant("quiet@acme.test", "google");
        Api api = new Api(e);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, api.get("/v3/grants/" + busy + "/messages").status());
        }
        Api.Resp limited = api.get("/v3/grants/" + busy + "/messages");
        assertEquals(429, limited.status());
        assertEquals("rate_limit_error", limited.errorType());
        assertEquals("1", limited.header("Retry-After"));
        assertEquals(200, api.get("/v3/grants/" + quiet + "/messages").status());
        assertEquals(200, api.get("/v3/grants/" + busy + "/contacts").status(), "limits are per API family");

        CLOCK.advance(Duration.ofSeconds(1));
        assertEquals(200, api.get("/v3/grants/" + busy + "/messages").status(), "next window");
    }

    @Test
    void sendsHaveTheirOwnLimit() {
        NylasEmulator e = nylas.emulator();
        String g = e.createGrant("sender@acme.test", "google");
        Api api = new Api(e);
        Map<String, Object> body = Map.of("to", List.of(Map.of("email", "a@acme.test")));
        assertEquals(200, api.post("/v3/grants/" + g + "/messages/send", body).status());
        assertEquals(200, api.post("/v3/grants/" + g + "/messages/send", body).status());
        assertEquals(429, api.post("/v3/grants/" + g + "/messages/send", body).status());
        assertEquals(2, e.sendCount(g));
        CLOCK.advance(Duration.ofSeconds(1));
    }
}
