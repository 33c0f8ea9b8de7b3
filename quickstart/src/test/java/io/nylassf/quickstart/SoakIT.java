package io.nylassf.quickstart;

import io.nylassf.testkit.sandbox.SandboxSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Line 6 of the reliability matrix: both directions under a steady mixed load for {@code reliability.soak.minutes}
 * (the chaos profile: 60): every 10 s new mail from outside announced by webhooks and a rep's follow-up to send,
 * every 30 s a meeting booked and one renamed. Each worker's live heap, threads and open sockets are sampled after
 * the warm-up and at the end, and must stay flat; the workers' logs must hold no ERROR line (no faults are
 * injected here, so none is explained). Off in the normal suite, which has no hour to spare.
 */
@EnabledIfSystemProperty(named = "reliability.soak.minutes", matches = "[1-9][0-9]*")
class SoakIT {
    private static final long SEED = Long.getLong("reliability.seed", 29);
    private static final Duration SOAK = Duration.ofMinutes(Long.getLong("reliability.soak.minutes", 0));
    private static final Duration WARM_UP = Duration.ofMinutes(Math.min(5, Math.max(1, SOAK.toMinutes() / 10)));

    @Test
    void aSteadyLoadLeavesHeapThreadsAndConnectionsFlat(@TempDir Path data) throws Exception {
        try (ReliabilityCluster cluster = ReliabilityCluster.start(data, new SandboxSpec(SEED, 3, 30, 120, 12, 8, 4,
                2, 14))) {
            cluster.subscribeWebhooks();
            cluster.awaitSettled(Duration.ofMinutes(4), Duration.ofSeconds(5), "the backfill");
            AtomicInteger ticks = new AtomicInteger();
            List<String> meetings = new ArrayList<>();
            ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
            List<ProcessStats> start = new ArrayList<>();
            try {
                load.scheduleAtFixedRate(() -> {
                    int t = ticks.incrementAndGet();
                    cluster.inboundBurst(3);
                    cluster.outboundBurst(1);
                    if (t % 3 == 0) {
                        meetings.addAll(cluster.meetingBurst(1));
                        String m = meetings.get(t % meetings.size());
                        Map<String, Object> e = cluster.salesforce().org().get("Event", m);
                        cluster.salesforce().org().updateAs((String) e.get("OwnerId"), "Event", m,
                                Map.of("Subject", "Pricing review, renamed at tick " + t));
                    }
                }, 0, 10, TimeUnit.SECONDS);
                await().pollDelay(WARM_UP).atMost(WARM_UP.plusSeconds(10)).until(() -> true);
                for (int w = 0; w < cluster.workers().size(); w++) {
                    start.add(ProcessStats.of(cluster.workers().process(w)));
                }
                Duration rest = SOAK.minus(WARM_UP);
                await().pollDelay(rest).atMost(rest.plusSeconds(10)).until(() -> true);
            } finally {
                load.shutdown();
                load.awaitTermination(1, TimeUnit.MINUTES);
            }
            SyncLedger l = cluster.awaitSettled(Duration.ofMinutes(5), Duration.ofSeconds(15), "after the soak");
            List<ProcessStats> end = new ArrayList<>();
            for (int w = 0; w < cluster.workers().size(); w++) {
                end.add(ProcessStats.of(cluster.workers().process(w)));
            }
            List<String> errors = new ArrayList<>();
            for (int w = 0; w < cluster.workers().size(); w++) {
                Files.readAllLines(cluster.workerLog(w), StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains(" ERROR ")).forEach(errors::add);
            }
            System.out.println("SoakIT " + SOAK.toMinutes() + " min, " + ticks.get() + " load ticks -> start "
                    + start + ", end " + end + "; " + errors.size() + " ERROR lines; " + l);
            errors.stream().limit(20).forEach(e -> System.out.println("  " + e));
            for (int w = 0; w < start.size(); w++) {
                System.out.println("  worker " + w + " thread groups that changed: "
                        + end.get(w).threadGrowthSince(start.get(w)));
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(ReliabilityReport.row("load", ticks.get() + " ticks of 10 s: " + 3 * ticks.get()
                    + " inbound emails, " + ticks.get() + " outbound sends, " + meetings.size()
                    + " meetings booked and renamed"));
            for (int w = 0; w < start.size(); w++) {
                rows.add(ReliabilityReport.row("worker " + w + " live heap after GC, start → end",
                        start.get(w).heapKiB() / 1024 + " MiB → " + end.get(w).heapKiB() / 1024 + " MiB"));
                rows.add(ReliabilityReport.row("worker " + w + " threads, start → end",
                        start.get(w).threads() + " → " + end.get(w).threads()));
                rows.add(ReliabilityReport.row("worker " + w + " open sockets, start → end",
                        start.get(w).sockets() + " → " + end.get(w).sockets()));
            }
            rows.add(ReliabilityReport.row("ERROR lines in the worker logs", errors.size()));
            rows.add(ReliabilityReport.row("lost / duplicated / sent twice", (l.messagesLost() + l.contactsLost()
                    + l.eventsLost()) + " / " + l.duplicateRecords() + " / " + l.tasksSentTwice()));
            ReliabilityReport.write("line-6", SOAK.toMinutes() + " min, seed " + SEED, rows);

            assertEquals(0, l.messagesLost() + l.contactsLost() + l.eventsLost(), "lost: " + l);
            assertEquals(0, l.duplicateRecords() + l.tasksSentTwice() + l.eventsWrittenTwice(), l.toString());
            assertEquals(List.of(), errors.stream().limit(20).toList(), "ERROR lines in the worker logs");
            for (int w = 0; w < start.size(); w++) {
                ProcessStats a = start.get(w);
                ProcessStats b = end.get(w);
                assertTrue(b.heapKiB() <= a.heapKiB() * 5 / 4 + 32 * 1024, "worker " + w + " heap " + a + " -> " + b);
                assertTrue(b.threads() <= a.threads() + 5, "worker " + w + " threads " + a + " -> " + b);
                assertTrue(b.sockets() <= a.sockets() + 5, "worker " + w + " sockets " + a + " -> " + b);
            }
        }
    }
}
