package io.nylassf.quickstart;

import io.nylassf.testkit.http.FaultInjector;
import io.nylassf.testkit.sandbox.SandboxSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Line 2 of the reliability matrix: while both directions run on two worker processes, both APIs misbehave at
 * once: a fifth of the calls answer 429 (with Retry-After) or 5xx or drop the connection, every Salesforce token
 * is revoked every 20 s, and one rep's grant expires and comes back. Afterwards nothing is lost, duplicated or
 * sent twice. With {@code reliability.baseline=true} (the chaos profile) the same work then runs fault-free on a
 * fresh rig for the same span of time, and the extra calls the faults cost are reported as a ratio.
 */
class FaultStormIT {
    private static final long SEED = Long.getLong("reliability.seed", 13);
    private static final SandboxSpec SPEC = new SandboxSpec(SEED, 3, 60, 400, 20, 8, 4, 2, 14);
    private static final int BURST = Integer.getInteger("reliability.burst", 20);
    private static final Duration STORM = Duration.ofSeconds(Long.getLong("reliability.storm.seconds", 60));
    // expired grants are looked at every 5 s instead of every minute, to keep the run short
    private static final Map<String, Map<String, String>> FAST_RECHECK = Map.of(
            "nylas-source", Map.of("nylas.grant.recheck.interval.ms", "5000"),
            "nylas-sink", Map.of("grant.expired.check.interval.ms", "5000"));

    /** What a run cost: calls to each API from the start of the connectors until everything settled. */
    private record Cost(long salesforce, long nylas, long faults, Duration span, SyncLedger ledger) {
    }

    @Test
    void bothApisFailingAtOnceLoseDuplicateAndSendTwiceNothing(@TempDir Path data) throws Exception {
        Cost storm = storm(data.resolve("storm"));
        SyncLedger l = storm.ledger();
        System.out.println("FaultStormIT -> " + l + "; Salesforce calls " + storm.salesforce() + ", Nylas calls "
                + storm.nylas() + ", faults injected " + storm.faults() + " over " + storm.span().toSeconds() + " s");
        assertTrue(l.messagesExpected() > 0 && l.tasksToSend() > BURST, l.toString());
        assertEquals(0, l.messagesLost() + l.contactsLost() + l.eventsLost(), "lost: " + l);
        assertEquals(0, l.duplicateRecords(), "duplicated: " + l);
        assertEquals(0, l.tasksSentTwice(), "sent twice: " + l);
        assertEquals(0, l.eventsWrittenTwice(), "calendar events written twice: " + l);
        if (!Boolean.getBoolean("reliability.baseline")) {
            return;
        }
        Cost calm = calm(data.resolve("calm"), storm.span());
        System.out.println("FaultStormIT baseline -> " + calm.ledger() + "; Salesforce calls " + calm.salesforce()
                + ", Nylas calls " + calm.nylas() + " over " + calm.span().toSeconds() + " s");
        ReliabilityReport.write("line-2", "storm of " + STORM.toSeconds() + " s, seed " + SEED, List.of(
                ReliabilityReport.row("faults injected (429, 503, 500, dropped connections)", storm.faults()),
                ReliabilityReport.row("Salesforce token revocations", STORM.toSeconds() / 20),
                ReliabilityReport.row("grant expiries", 1),
                ReliabilityReport.row("Nylas items / lost", (l.messagesExpected() + l.contactsExpected()
                        + l.eventsExpected()) + " / " + (l.messagesLost() + l.contactsLost() + l.eventsLost())),
                ReliabilityReport.row("duplicated in Salesforce", l.duplicateRecords()),
                ReliabilityReport.row("outbound Tasks / sent twice", l.tasksToSend() + " / " + l.tasksSentTwice()),
                ReliabilityReport.row("meetings / written twice", l.eventsToWrite() + " / " + l.eventsWrittenTwice()),
                ReliabilityReport.row("Salesforce calls, storm vs fault-free over " + storm.span().toSeconds() + " s",
                        storm.salesforce() + " vs " + calm.salesforce() + " (" + ratio(storm.salesforce(),
                                calm.salesforce()) + ")"),
                ReliabilityReport.row("Nylas calls, storm vs fault-free", storm.nylas() + " vs " + calm.nylas()
                        + " (" + ratio(storm.nylas(), calm.nylas()) + ")")));
    }

    private static Cost storm(Path data) throws Exception {
        try (ReliabilityCluster cluster = ReliabilityCluster.start(data, SPEC, FAST_RECHECK)) {
            long t0 = System.nanoTime();
            long sfBefore = cluster.salesforce().apiCallCount();
            long nylasBefore = cluster.nylas().requestCount();
            for (FaultInjector f : new FaultInjector[]{cluster.salesforce().faults(), cluster.nylas().faults()}) {
                f.seed(SEED).retryAfterSeconds(1).errorRate("429", 0.08).errorRate("503", 0.06)
                        .errorRate("500", 0.03).errorRate(FaultInjector.DROP, 0.03);
            }
            String grant = cluster.sandbox().grantIds().get(0);
            ScheduledExecutorService storm = Executors.newSingleThreadScheduledExecutor();
            try {
                storm.scheduleAtFixedRate(cluster.salesforce()::expireAllTokens, 20, 20, TimeUnit.SECONDS);
                storm.schedule(() -> cluster.nylas().expireGrant(grant), 5, TimeUnit.SECONDS);
                storm.schedule(() -> cluster.nylas().restoreGrant(grant), 35, TimeUnit.SECONDS);
                cluster.outboundBurst(BURST);
                // The ledger is read only once the faults have ended: a run that settles inside the storm must
                // not be judged before the storm was counted and lifted.
                long[] hit = new long[4];
                storm.schedule(() -> {
                    hit[0] = cluster.salesforce().faults().injectedCount();
                    hit[1] = cluster.salesforce().apiCallCount() - sfBefore;
                    hit[2] = cluster.nylas().faults().injectedCount();
                    hit[3] = cluster.nylas().requestCount() - nylasBefore;
                    cluster.salesforce().faults().reset();
                    cluster.nylas().faults().reset();
                }, STORM.toMillis(), TimeUnit.MILLISECONDS).get(STORM.toMillis() + 30_000, TimeUnit.MILLISECONDS);
                // the storm was real on both APIs: a fault for at least one call in twenty while it lasted (the
                // rate set is one in five; the slack is for small samples); how many calls that is depends on how
                // fast the machine is, so no absolute number is asked for
                assertTrue(hit[0] > 0 && hit[0] * 20 >= hit[1], "Salesforce faults " + hit[0] + " in " + hit[1]
                        + " calls");
                assertTrue(hit[2] > 0 && hit[2] * 20 >= hit[3], "Nylas faults " + hit[2] + " in " + hit[3] + " calls");
                SyncLedger l = cluster.awaitSettled(Duration.ofMinutes(7), Duration.ofSeconds(15), "after the storm");
                return new Cost(cluster.salesforce().apiCallCount(), cluster.nylas().requestCount(), hit[0] + hit[2],
                        Duration.ofNanos(System.nanoTime() - t0), l);
            } finally {
                storm.shutdownNow();
            }
        }
    }

    /** The same work without faults, measured over {@code span} so both runs poll for equally long. */
    private static Cost calm(Path data, Duration span) throws Exception {
        try (ReliabilityCluster cluster = ReliabilityCluster.start(data, SPEC, FAST_RECHECK)) {
            long t0 = System.nanoTime();
            cluster.outboundBurst(BURST);
            SyncLedger l = cluster.awaitSettled(Duration.ofMinutes(7), Duration.ofSeconds(15), "without faults");
            Duration left = span.minus(Duration.ofNanos(System.nanoTime() - t0));
            if (!left.isNegative()) {
                await().pollDelay(left).atMost(left.plusSeconds(5)).until(() -> true);
            }
            return new Cost(cluster.salesforce().apiCallCount(), cluster.nylas().requestCount(), 0,
                    Duration.ofNanos(System.nanoTime() - t0), l);
        }
    }

    private static String ratio(long faulty, long calm) {
        return calm == 0 ? "n/a" : String.format("%.2f×", (double) faulty / calm);
    }
}
