package io.nylassf.connect.sink.nylas.exec;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.sink.nylas.grant.GrantResolver;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Owner;
import io.nylassf.connect.sink.nylas.plan.OutboundAction.Send;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.connect.sink.SinkRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.nylassf.connect.sink.nylas.Changes.change;
import static io.nylassf.connect.sink.nylas.Changes.sendableTask;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-grant cap, measured where it matters (the Nylas emulator's calls in flight per grant), and a 429 for
 * one grant holding only that grant: the actions of the task's executor as {@code put} starts them.
 */
class GrantLanesTest {
    private static final AtomicInteger IDS = new AtomicInteger(1);

    private NylasEmulator nylas;
    private NylasClient client;
    private InFlight inFlight;
    private final Map<String, String> grants = new HashMap<>();
    private final List<InFlight.Ended> ended = new ArrayList<>();

    @BeforeEach
    void startEmulator() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0)
                .sendRateLimitPerSecond(0).build().start();
        client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (inFlight != null) {
            inFlight.close(Duration.ofSeconds(1));
        }
        client.close();
        nylas.close();
    }

    /** After the mailboxes: the resolver copies the grant map. */
    private void start(int pool, int perGrant) {
        NylasWriter writer = new NylasWriter(client, new GrantResolver(grants, false, List::of, Clock.systemUTC()),
                new GrantThrottle(4), "primary", false, false, false, Clock.systemUTC());
        inFlight = new InFlight(new KeyedExecutor(pool, "lanes-test"), new GrantLanes(perGrant), writer, 10_000);
    }

    private String mailbox(String name) {
        String email = name + "-" + IDS.getAndIncrement() + "@example.com";
        grants.put(email, nylas.createGrant(email, "google"));
        return email;
    }

    private void send(String email, int count) {
        for (int i = 0; i < count; i++) {
            String id = String.format("00T%012dAAA", IDS.getAndIncrement());
            Send s = new Send(change("Task", id, "created", 1, sendableTask()), new Owner(null, email),
                    List.of("ada@acme.test"), "s", "b");
            inFlight.submit(PendingAction.fresh(new SinkRecord("salesforce.task", 0, null, null, null, null, 0), s,
                    0));
        }
    }

    private void awaitAllEnded(int n) {
        Awaitility.await("every action ended").atMost(Duration.ofSeconds(60)).pollInSameThread()
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    ended.addAll(inFlight.harvest());
                    return ended.size() == n;
                });
        ended.forEach(e -> assertEquals(Outcome.Status.DONE, e.outcome().status(), e.outcome().detail()));
    }

    @Test
    void oneGrantNeverHasMoreThanItsCapInFlightWhileOtherGrantsUseTheRestOfThePool() {
        String busy = mailbox("busy");
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            others.add(mailbox("other"));
        }
        start(16, 3);
        nylas.faults().latency(150, 0);
        send(busy, 30);
        others.forEach(o -> send(o, 2));

        awaitAllEnded(30 + 8 * 2);

        assertEquals(30, nylas.sendCount(grants.get(busy)));
        assertEquals(3, nylas.inFlightHighWater(grants.get(busy)), "the busy grant used its 3 slots, never more: "
                + nylas.inFlightHighWaters());
        int othersAtOnce = 0;
        for (String o : others) {
            assertEquals(2, nylas.sendCount(grants.get(o)), o);
            othersAtOnce += nylas.inFlightHighWater(grants.get(o));
            assertTrue(nylas.inFlightHighWater(grants.get(o)) <= 2);
        }
        assertTrue(othersAtOnce > 8, "other grants ran alongside (" + othersAtOnce + ")");
    }

    @Test
    void aGrantWaitingForItsRetryAfterHoldsOnlyItsOwnSlotsAndOtherGrantsGoOn() {
        String throttled = mailbox("throttled");
        String throttledGrant = grants.get(throttled);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(mailbox("free"));
        }
        start(4, 2); // without the per-grant cap the throttled grant's 6 actions would sleep on all 4 threads
        nylas.faults().onlyPaths("/v3/grants/" + throttledGrant + "/").retryAfterSeconds(5).failNext("429", 2);
        send(throttled, 6);
        // the others come as soon as the grant's Retry-After starts. Waiting for both 429s instead made the test
        // racy: when the throttle held the second action, the second 429 went to a retry 5 s later, and by then
        // the other action of the throttled grant was already sending.
        Awaitility.await("the throttled grant got its first 429").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5)).until(() -> nylas.faults().injectedCount() >= 1);
        others.forEach(o -> send(o, 1));

        Awaitility.await("the other grants' sends").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> others.stream().allMatch(o -> nylas.sendCount(grants.get(o)) == 1));
        assertEquals(0, nylas.sendCount(throttledGrant), "the other grants did not wait for the 5 s Retry-After");

        awaitAllEnded(6 + others.size());
        assertEquals(6, nylas.sendCount(throttledGrant), "then the throttled grant sends each once");
        assertTrue(nylas.inFlightHighWater(throttledGrant) <= 2, nylas.inFlightHighWaters().toString());
    }
}
