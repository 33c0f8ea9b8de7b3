package io.nylassf.quickstart;

import io.nylassf.testkit.sandbox.SandboxSpec;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Line 3 of the reliability matrix: outbound Tasks and meetings make the full round trip (Salesforce → Nylas send
 * or calendar write → read back inbound → linked to the record they came from), then every offset of all four
 * connectors is reset and everything replays. Afterwards each Task was sent exactly once and is the only record
 * of its message, each meeting written once and the only record of its calendar event, and neither side's counts
 * move while the replay runs and for a quiet span after it (no ping-pong).
 */
class LoopReplayIT {
    private static final long SEED = Long.getLong("reliability.seed", 17);
    private static final int TASKS = Integer.getInteger("reliability.loop.tasks", 60);
    private static final int MEETINGS = Integer.getInteger("reliability.loop.meetings", 15);
    private static final Duration QUIET = Duration.ofSeconds(Long.getLong("reliability.quiet.seconds", 30));

    @Test
    void roundTripsCloseOnceAndAFullReplayOfEveryOffsetMovesNothing(@TempDir Path data) throws Exception {
        try (ReliabilityCluster cluster = ReliabilityCluster.start(data, new SandboxSpec(SEED, 3, 24, 90, 9, 8, 4,
                2, 14))) {
            // the sandbox's own follow-ups and meetings, plus the bursts
            List<String> meetings = new ArrayList<>(meetingIds(cluster));
            cluster.outboundBurst(TASKS);
            meetings.addAll(cluster.meetingBurst(MEETINGS));
            List<String> tasks = cluster.outboundTasks();

            LoopLedger loops = awaitClosed(cluster, tasks, meetings, "the first round trips");
            SyncLedger sync = cluster.awaitSettled(Duration.ofMinutes(3), Duration.ofSeconds(10), "the backfill");
            Census settled = cluster.census();
            System.out.println("LoopReplayIT round trips -> " + loops + "; " + sync + "; " + settled);

            long messagesBefore = cluster.topics().size("nylas.messages");
            long tasksBefore = cluster.topics().size("salesforce.task");
            long eventsBefore = cluster.topics().size("salesforce.event");
            long oppsBefore = cluster.topics().size("salesforce.opportunity");
            cluster.resetAllOffsets();
            // the sources read both APIs again from the start, the sinks their topics from the beginning; the
            // census must not move at any moment of it
            AtomicReference<String> progress = new AtomicReference<>("not read yet");
            try {
                await("every source read again from the start and every sink caught up")
                        .atMost(Duration.ofMinutes(4).plusSeconds(tasks.size() / 5))
                        .pollInterval(Duration.ofSeconds(2)).until(() -> {
                            assertEquals(settled, cluster.census(), "counts during the replay");
                            long messages = cluster.topics().size("nylas.messages") - messagesBefore;
                            long sfTasks = cluster.topics().size("salesforce.task") - tasksBefore;
                            long sfEvents = cluster.topics().size("salesforce.event") - eventsBefore;
                            long inboundLag = cluster.topics().lag("salesforce-sink", List.of("nylas.messages",
                                    "nylas.contacts", "nylas.events"));
                            long outboundLag = cluster.topics().lag("nylas-sink", List.of("salesforce.task",
                                    "salesforce.event", "salesforce.opportunity"));
                            long sfOpportunities = cluster.topics().size("salesforce.opportunity") - oppsBefore;
                            progress.set("re-read: " + messages + " messages, " + sfTasks + " Tasks, " + sfEvents
                                    + " Events, " + sfOpportunities + " Opportunities; sink lag: "
                                    + "salesforce-sink " + inboundLag + ", nylas-sink " + outboundLag);
                            // The Salesforce source re-reads the org from the earliest row; every Task and Event
                            // here was last changed by the integration (sent, linked), so it emits none of them
                            // (salesforce.own.changes=skip), only the Opportunities the reps changed. A sink's lag
                            // is 0 again only once it has re-read its topics from the start and committed.
                            return messages >= sync.messagesExpected() && sfOpportunities >= 1 && inboundLag == 0
                                    && outboundLag == 0;
                        });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("the replay did not complete: " + progress.get(), e);
            }
            await("nothing moves for " + QUIET).during(QUIET).atMost(QUIET.plusSeconds(30))
                    .pollInterval(Duration.ofSeconds(3)).until(() -> settled.equals(cluster.census()));
            LoopLedger replayed = LoopLedger.read(cluster.nylas(), cluster.salesforce(),
                    cluster.sandbox().grantIds(), tasks, meetings);
            System.out.println("LoopReplayIT after resetting every offset (" + progress.get() + ") -> " + replayed + "; "
                    + cluster.census() + "; topics nylas.messages " + messagesBefore + " -> "
                    + cluster.topics().size("nylas.messages") + ", salesforce.task " + tasksBefore + " -> "
                    + cluster.topics().size("salesforce.task"));

            Census after = cluster.census();
            ReliabilityReport.write("line-3", tasks.size() + " Tasks, " + meetings.size() + " meetings, "
                    + QUIET.toSeconds() + " s quiet, seed " + SEED, List.of(
                    ReliabilityReport.row("outbound Tasks / sent exactly once / linked to their sent message",
                            replayed.tasks() + " / " + replayed.tasksSentOnce() + " / " + replayed.tasksLinked()),
                    ReliabilityReport.row("meetings / written exactly once / linked to their calendar event",
                            replayed.meetings() + " / " + replayed.meetingsWrittenOnce() + " / "
                                    + replayed.meetingsLinked()),
                    ReliabilityReport.row("other records for a sent message or a written meeting (ping-pong)",
                            replayed.otherTasksForSends() + replayed.otherEventsForWrites()),
                    ReliabilityReport.row("replayed after resetting every offset", progress.get()),
                    ReliabilityReport.row("counts before → after the replay and " + QUIET.toSeconds() + " s quiet",
                            settled.equals(after) ? "unchanged: " + after : settled + " → " + after)));
            assertTrue(replayed.closed(), "every round trip closed exactly once: " + replayed);
            assertEquals(tasks.size(), replayed.tasksSentOnce(), "sends");
            assertEquals(settled, cluster.census(), "counts after the replay");
        }
    }

    private static List<String> meetingIds(ReliabilityCluster cluster) {
        return cluster.salesforce().org().query("SELECT Id FROM Event WHERE Subject LIKE 'Pricing review%'")
                .records().stream().map(r -> (String) r.get("Id")).toList();
    }

    private static LoopLedger awaitClosed(ReliabilityCluster cluster, List<String> tasks, List<String> meetings,
                                          String why) {
        AtomicReference<LoopLedger> last = new AtomicReference<>();
        await(why + " close").atMost(Duration.ofMinutes(4).plusSeconds(tasks.size() / 5))
                .pollInterval(Duration.ofSeconds(3)).until(() -> {
            last.set(LoopLedger.read(cluster.nylas(), cluster.salesforce(), cluster.sandbox().grantIds(), tasks,
                    meetings));
            return last.get().closed();
        });
        return last.get();
    }
}
