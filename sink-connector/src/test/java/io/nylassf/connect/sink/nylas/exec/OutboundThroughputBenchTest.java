package io.nylassf.connect.sink.nylas.exec;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.sink.nylas.NylasSinkConnectorConfig;
import io.nylassf.connect.sink.nylas.grant.GrantResolver;
import io.nylassf.connect.sink.nylas.plan.EventSpec;
import io.nylassf.connect.sink.nylas.plan.OutboundAction;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Owner;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Send;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.UpsertEvent;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static io.nylassf.connect.sink.nylas.Changes.change;
import static io.nylassf.connect.sink.nylas.Changes.sendableTask;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends and event writes per second for one task's executor, driven as {@code put} drives it (the record-key
 * chain, the per-grant lanes, the {@code nylas.max.pending.actions} bound), at 500 ms emulated Nylas latency on
 * every call. The old configuration (8 calls in flight, no per-grant cap) and the defaults (128 in flight, 4 per
 * grant) run in the same JVM, over 1 grant and over 100 grants, with the emulator's per-grant rate limits on.
 * Run: {@code mvn -B -o -Pbench -pl sink-connector -am verify -Dtest=OutboundThroughputBenchTest -Dit.test=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class OutboundThroughputBenchTest {
    private static final long LATENCY_MS = 500;
    /** How long the submitted actions may take to end once the last is submitted. */
    private static final Duration DRAIN = Duration.ofMinutes(2);
    private static final Config OLD = new Config("old: 8 in flight, no per-grant cap", 8, 8);
    private static final Config NEW = new Config("default: " + NylasSinkConnectorConfig.MAX_IN_FLIGHT_DEFAULT
            + " in flight, " + NylasSinkConnectorConfig.MAX_IN_FLIGHT_PER_GRANT_DEFAULT + " per grant",
            NylasSinkConnectorConfig.MAX_IN_FLIGHT_DEFAULT, NylasSinkConnectorConfig.MAX_IN_FLIGHT_PER_GRANT_DEFAULT);

    private record Config(String name, int inFlight, int perGrant) {
    }

    private record Rates(double sends, double events) {
    }

    private int ids;

    @Test
    void sendsAndEventWritesPerSecondPerTaskAt500Ms() throws Exception {
        Rates oldMany = measure(OLD, 100, 80);
        Rates newMany = measure(NEW, 100, 1_200);
        Rates oldOne = measure(OLD, 1, 40);
        Rates newOne = measure(NEW, 1, 20);
        System.out.printf("BENCH outbound %d ms per call, 100 grants: %s %.1f sends/s, %.1f event writes/s; %s "
                        + "%.1f sends/s (x%.1f), %.1f event writes/s (x%.1f)%n", LATENCY_MS, OLD.name(), oldMany.sends(),
                oldMany.events(), NEW.name(), newMany.sends(), newMany.sends() / oldMany.sends(), newMany.events(),
                newMany.events() / oldMany.events());
        System.out.printf("BENCH outbound %d ms per call, 1 grant: %s %.1f sends/s, %.1f event writes/s; %s %.1f "
                        + "sends/s, %.1f event writes/s (bounded by the per-grant cap)%n", LATENCY_MS, OLD.name(),
                oldOne.sends(), oldOne.events(), NEW.name(), newOne.sends(), newOne.events());
        assertTrue(newMany.sends() > oldMany.sends(), "the defaults beat 8 in flight across grants");
    }

    /** Runs {@code n} sends, then {@code n} event creations, spread round-robin over {@code grantCount} grants. */
    private Rates measure(Config config, int grantCount, int n) throws Exception {
        try (NylasEmulator nylas = NylasEmulator.builder().build().start();
             NylasClient client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(30))) {
            Map<String, String> grants = new HashMap<>();
            List<Owner> owners = new ArrayList<>();
            for (int g = 0; g < grantCount; g++) {
                String email = "bench-" + g + "@example.com";
                grants.put(email, nylas.createGrant(email, "google"));
                owners.add(new Owner(null, email));
            }
            NylasWriter w = new NylasWriter(client, new GrantResolver(grants, false, List::of, Clock.systemUTC()),
                    new GrantThrottle(4), "primary", false, false, false, Clock.systemUTC());
            nylas.faults().latency(LATENCY_MS, 0);
            double sends = run(config, w, n, i -> new Send(change("Task", id("00T"), "created", 1, sendableTask()),
                    owners.get(i % grantCount), List.of("ada@acme.test"), "s" + i, "b"));
            assertEquals(n, grants.values().stream().mapToInt(nylas::sendCount).sum());
            double events = run(config, w, n, i -> new UpsertEvent(change("Event", id("00U"), "created", 1, Map.of()),
                    owners.get(i % grantCount), new EventSpec("e" + i, null, null, 1_780_000_000L + i * 3600L,
                    1_780_001_800L + i * 3600L, null, null, List.of()), false, null));
            int maxPerGrant = nylas.inFlightHighWaters().values().stream().mapToInt(Integer::intValue).max().orElse(0);
            System.out.printf("BENCH outbound %s, %d grant(s), %d ms: %.1f sends/s (%.0f/min), %.1f event writes/s; "
                            + "most calls in flight for one grant: %d; each send = metadata lookup + send, each event "
                            + "creation = metadata lookup + time-window read + create%n", config.name(), grantCount,
                    LATENCY_MS, sends, sends * 60, events, maxPerGrant);
            return new Rates(sends, events);
        }
    }

    private String id(String prefix) {
        return prefix + String.format("%012dAAA", ++ids);
    }

    /** As put() does it: wait for room under nylas.max.pending.actions, submit, harvest; all must be DONE. */
    private static double run(Config config, NylasWriter w, int n, IntFunction<OutboundAction> action)
            throws InterruptedException {
        InFlight inFlight = new InFlight(new KeyedExecutor(config.inFlight(), "bench"),
                new GrantLanes(config.perGrant()), w,
                (int) NylasSinkConnectorConfig.CONFIG_DEF.defaultValues().get(NylasSinkConnectorConfig.MAX_PENDING));
        try {
            List<InFlight.Ended> ended = new ArrayList<>();
            SinkRecord record = new SinkRecord("salesforce.task", 0, null, null, null, null, 0);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                assertTrue(inFlight.awaitRoom(Duration.ofMinutes(2), ended));
                inFlight.submit(PendingAction.fresh(record, action.apply(i), 0));
            }
            // harvested in this thread, as put() does; a stuck action fails the run instead of hanging it
            await("all " + n + " actions ended (" + config.name() + ")").atMost(DRAIN)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).pollInSameThread()
                    .until(() -> {
                        ended.addAll(inFlight.harvest());
                        return ended.size() >= n;
                    });
            double rate = n / ((System.nanoTime() - t0) / 1e9);
            ended.forEach(e -> assertEquals(Outcome.Status.DONE, e.outcome().status(), e.outcome().detail()));
            return rate;
        } finally {
            inFlight.close(Duration.ofSeconds(1));
        }
    }
}
