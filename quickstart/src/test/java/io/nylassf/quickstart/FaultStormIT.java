package io.nylassf.quickstart;

import io.nylassf.testkit.http.FaultInjector;
import io.nylassf.testkit.sandbox.SandboxSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Line 2 of the reliability matrix at a small size: while both directions run on two worker processes, both APIs
 * misbehave at once: a fifth of the calls answer 429 (with Retry-After) or 5xx or drop the connection, every
 * Salesforce token is revoked every 20 s, and one rep's grant expires and comes back. Afterwards nothing is lost,
 * duplicated or sent twice, and the faults' cost in calls is reported.
 */
class FaultStormIT {
    private static final long SEED = Long.getLong("reliability.seed", 13);

    @Test
    void bothApisFailingAtOnceLoseDuplicateAndSendTwiceNothing(@TempDir Path data) throws Exception {
        // expired grants are looked at every 5 s instead of every minute, to keep the run short
        try (ReliabilityCluster cluster = ReliabilityCluster.start(data, new SandboxSpec(SEED, 3, 60, 400, 20, 8, 4,
                2, 14), Map.of("nylas-source", Map.of("nylas.grant.recheck.interval.ms", "5000"),
                "nylas-sink", Map.of("grant.expired.check.interval.ms", "5000")))) {
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
                cluster.outboundBurst(20);
                // the faults last 60 s; then everything must land
                AtomicLong injected = new AtomicLong();
                storm.schedule(() -> {
                    injected.set(cluster.salesforce().faults().injectedCount()
                            + cluster.nylas().faults().injectedCount());
                    cluster.salesforce().faults().reset();
                    cluster.nylas().faults().reset();
                }, 60, TimeUnit.SECONDS);
                SyncLedger l = cluster.awaitSettled(Duration.ofMinutes(7), Duration.ofSeconds(15), "after the storm");
                System.out.println("FaultStormIT -> " + l + "; Salesforce calls " + cluster.salesforce().apiCallCount()
                        + ", Nylas calls " + cluster.nylas().requestCount() + ", faults injected " + injected.get());
                assertTrue(l.messagesExpected() > 0 && l.tasksToSend() > 20, l.toString());
                assertTrue(injected.get() > 100, "the storm hit: " + injected.get() + " faults");
                assertEquals(0, l.messagesLost() + l.contactsLost() + l.eventsLost(), "lost: " + l);
                assertEquals(0, l.duplicateRecords(), "duplicated: " + l);
                assertEquals(0, l.tasksSentTwice(), "sent twice: " + l);
                assertEquals(0, l.eventsWrittenTwice(), "calendar events written twice: " + l);
            } finally {
                storm.shutdownNow();
            }
        }
    }
}
