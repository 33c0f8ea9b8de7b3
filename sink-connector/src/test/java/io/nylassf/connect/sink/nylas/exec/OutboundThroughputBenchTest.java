package io.nylassf.connect.sink.nylas.exec;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.sink.nylas.grant.GrantResolver;
import io.nylassf.connect.sink.nylas.plan.EventSpec;
import io.nylassf.connect.sink.nylas.plan.OutboundAction;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Owner;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Send;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.UpsertEvent;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import static io.nylassf.connect.sink.nylas.Changes.change;
import static io.nylassf.connect.sink.nylas.Changes.sendableTask;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sends and event writes per second for one task's executor (what {@code put} runs), at 0 ms and 500 ms
 * emulated Nylas latency, with the default 8 calls in flight. Run: {@code mvn -Pbench -pl sink-connector test
 * -Dtest=OutboundThroughputBenchTest}.
 */
@Tag("bench")
class OutboundThroughputBenchTest {
    private static final int IN_FLIGHT = 8;

    @Test
    void sendsAndEventWritesPerSecondPerTask() {
        for (long latency : new long[] {0, 500}) {
            int n = latency == 0 ? 400 : 80;
            try (NylasEmulator nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0)
                    .sendRateLimitPerSecond(0).build().start();
                 NylasClient client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(30));
                 KeyedExecutor executor = new KeyedExecutor(IN_FLIGHT, "bench")) {
                String grant = nylas.createGrant("bench@example.com", "google");
                NylasWriter w = new NylasWriter(client, new GrantResolver(Map.of("bench@example.com", grant), false,
                        List::of, Clock.systemUTC()), new GrantThrottle(4), "primary", false, false, false,
                        Clock.systemUTC());
                Owner owner = new Owner(null, "bench@example.com");
                nylas.faults().latency(latency, 0);
                double sends = run(executor, w, n, i -> new Send(change("Task", id("00T", i), "created", 1, sendableTask()),
                        owner, List.of("ada@acme.test"), "s" + i, "b"));
                assertEquals(n, nylas.sendCount(grant));
                double events = run(executor, w, n, i -> new UpsertEvent(change("Event", id("00U", i), "created", 1, Map.of()),
                        owner, new EventSpec("e" + i, null, null, 1_780_000_000L + i * 3600L, 1_780_001_800L + i * 3600L,
                        null, null, List.of()), false, null));
                System.out.printf("BENCH outbound latency=%dms in-flight=%d: %.1f sends/s (%.0f/min), %.1f event "
                        + "writes/s (%.0f/min) per task; each send = metadata lookup + send, each event write = "
                        + "lookup + create%n", latency, IN_FLIGHT, sends, sends * 60, events, events * 60);
            }
        }
    }

    private static String id(String prefix, int i) {
        return prefix + String.format("%012dAAA", i);
    }

    private static double run(KeyedExecutor ex, NylasWriter w, int n, IntFunction<OutboundAction> action) {
        long t0 = System.nanoTime();
        List<CompletableFuture<Outcome>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OutboundAction a = action.apply(i);
            fs.add(ex.submit(a.change().recordKey(), () -> w.execute(a)));
        }
        fs.forEach(f -> assertEquals(Outcome.Status.DONE, f.join().status()));
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
