package io.nylassf.quickstart;

import io.nylassf.testkit.nylas.WebhookDelivery;
import io.nylassf.testkit.sandbox.SandboxSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Line 1 of the reliability matrix: all four connectors on two Connect workers that are real OS processes, each in
 * turn killed with SIGKILL at seeded random moments spread over the backfill, a burst of outbound sends and a
 * burst of new mail announced by signed webhooks (the source's endpoint dies with its worker), and started again.
 * Afterwards, from the emulators' own state: nothing lost, nothing duplicated in Salesforce, no Task sent twice,
 * no meeting written to a calendar twice. The normal suite kills 3 times; the chaos profile 10 times.
 */
class HardKillIT {
    private static final int KILLS = Integer.getInteger("reliability.kills", 3);
    private static final long SEED = Long.getLong("reliability.seed", 11);
    private static final int BURST = Integer.getInteger("reliability.burst", 20);

    @Test
    void killedWorkersLoseDuplicateAndSendTwiceNothing(@TempDir Path data) throws Exception {
        try (ReliabilityCluster cluster = ReliabilityCluster.start(data, new SandboxSpec(SEED, 3, 60, 600, 20, 8, 4,
                2, 14))) {
            cluster.subscribeWebhooks();
            WorkerProcesses workers = cluster.workers();
            Random random = new Random(SEED);
            List<String> kills = new CopyOnWriteArrayList<>();
            AtomicReference<Throwable> chaosFailure = new AtomicReference<>();
            Thread chaos = new Thread(() -> {
                try {
                    for (int k = 0; k < KILLS; k++) {
                        Thread.sleep(4_000 + random.nextInt(8_000));
                        int victim = k % workers.size();
                        workers.kill(victim);
                        kills.add("worker " + victim + " at " + Instant.now());
                        Thread.sleep(2_000 + random.nextInt(3_000));
                        workers.start(victim);
                    }
                } catch (Throwable t) {
                    chaosFailure.set(t);
                }
            }, "chaos");
            chaos.start();
            // the burst of outbound sends, then the burst of new mail, arrive while workers die
            await("the first kill").atMost(Duration.ofMinutes(1)).until(() -> !kills.isEmpty());
            cluster.outboundBurst(BURST);
            await("the next kill").atMost(Duration.ofMinutes(1)).until(() -> kills.size() >= Math.min(2, KILLS));
            // the mail arrives over 20 s, so that kills land while notifications are being delivered
            long webhooksBefore = cluster.nylas().webhookDeliveries().size();
            ScheduledExecutorService mail = Executors.newSingleThreadScheduledExecutor();
            for (int i = 0; i < BURST; i++) {
                mail.schedule(() -> cluster.inboundBurst(1), i * 20_000L / BURST, TimeUnit.MILLISECONDS);
            }
            mail.shutdown();
            assertTrue(mail.awaitTermination(1, TimeUnit.MINUTES), "the mail burst was delivered");
            chaos.join(Duration.ofMinutes(5L * KILLS).toMillis());
            assertNull(chaosFailure.get(), "the kill schedule ran");
            assertEquals(KILLS, kills.size(), "kills: " + kills);

            SyncLedger l = cluster.awaitSettled(Duration.ofMinutes(6), Duration.ofSeconds(15), "after " + kills);
            var deliveries = cluster.nylas().webhookDeliveries();
            List<WebhookDelivery> burst = deliveries.subList((int) webhooksBefore, deliveries.size());
            String webhooks = burst.size() + " attempts, " + burst.stream().filter(d -> d.status() != 200).count()
                    + " of them refused or unreachable while the endpoint's task moved (the emulator retries those, "
                    + "as Nylas does; the backstop reads find what is still missing)";
            System.out.println("HardKillIT " + kills + " -> " + l + "; webhook deliveries after the mail burst "
                    + webhooks);
            ReliabilityReport.write("line-1", KILLS + " kills, seed " + SEED, List.of(
                    ReliabilityReport.row("kill -9 of a worker process", KILLS + " (each worker in turn)"),
                    ReliabilityReport.row("Nylas items (messages, contacts, events)", l.messagesExpected()
                            + l.contactsExpected() + l.eventsExpected()),
                    ReliabilityReport.row("lost", l.messagesLost() + l.contactsLost() + l.eventsLost()),
                    ReliabilityReport.row("duplicated in Salesforce", l.duplicateRecords()),
                    ReliabilityReport.row("outbound Tasks / sent twice", l.tasksToSend() + " / " + l.tasksSentTwice()),
                    ReliabilityReport.row("meetings / written twice", l.eventsToWrite() + " / "
                            + l.eventsWrittenTwice()),
                    ReliabilityReport.row("webhook deliveries during the kills", webhooks)));
            assertTrue(l.messagesExpected() > 0 && l.tasksToSend() > 20, l.toString());
            assertEquals(0, l.messagesLost() + l.contactsLost() + l.eventsLost(), "lost: " + l);
            assertEquals(0, l.duplicateRecords(), "duplicated: " + l);
            assertEquals(0, l.tasksSentTwice(), "sent twice: " + l);
            assertEquals(0, l.eventsWrittenTwice(), "calendar events written twice: " + l);
        }
    }
}
