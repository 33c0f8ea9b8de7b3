package io.nylassf.testkit.nylas;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The metadata search can lag writes (a switch); reads by id or by time never do. Faults are counted. */
class MetadataSearchLagTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension(b -> b.clock(CLOCK).rateLimitPerSecond(0));

    @Test
    void aLaggingIndexHidesFreshWritesFromMetadataSearchesOnly() {
        NylasEmulator e = nylas.emulator();
        String grant = e.createGrant("lag@acme.test", "google");
        Api api = new Api(e);
        long start = CLOCK.instant().getEpochSecond() + 3600;
        Api.Resp created = api.post("/v3/grants/" + grant + "/events?calendar_id=primary", Map.of("title", "T",
                "when", Map.of("start_time", start, "end_time", start + 600), "metadata", Map.of("key1", "sf:1")));
        assertEquals(200, created.status(), created.body());
        String id = created.data().path("id").asText();
        e.metadataSearchLag(Duration.ofSeconds(30));
        String byTag = "/v3/grants/" + grant + "/events?calendar_id=primary&metadata_pair=key1:sf:1";
        assertEquals(0, api.get(byTag).data().size(), "not indexed yet");
        assertEquals(1, api.get("/v3/grants/" + grant + "/events?calendar_id=primary&start=" + start + "&end="
                + (start + 600)).data().size(), "a read by time sees it");
        assertEquals(200, api.get("/v3/grants/" + grant + "/events/" + id + "?calendar_id=primary").status());
        CLOCK.advance(Duration.ofSeconds(31));
        assertEquals(1, api.get(byTag).data().size(), "indexed once the lag has passed");
        e.metadataSearchLag(Duration.ZERO);
    }

    @Test
    void injectedFaultsAreCounted() {
        NylasEmulator e = nylas.emulator();
        long before = e.faults().injectedCount();
        e.faults().failNext("503", 2);
        Api api = new Api(e);
        assertEquals(503, api.get("/v3/grants").status());
        assertEquals(503, api.get("/v3/grants").status());
        assertEquals(200, api.get("/v3/grants").status());
        assertEquals(2, e.faults().injectedCount() - before);
        e.faults().reset();
    }
}
