package io.nylassf.connect.sink.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.connect.sink.RecordingContext;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.nylassf.connect.sink.nylas.NylasSinkTaskFailurePathsTest.await;
import static io.nylassf.connect.sink.nylas.NylasSinkTaskFailurePathsTest.taskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At most once under the default concurrency (many grants, several calls per grant): a task stopped while sends
 * run, and its records delivered again to a new task (or to a second task while the first one's calls still run),
 * still sends each Task exactly once.
 */
class NylasSinkTaskRestartTest {
    private static final String TOPIC = "salesforce.task";
    private static final TopicPartition TP0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition TP1 = new TopicPartition(TOPIC, 1);
    private static final int GRANTS = 20;
    private static final int SENDS_PER_GRANT = 10;

    private NylasEmulator nylas;
    private final List<NylasSinkTask> tasks = new ArrayList<>();
    private final Map<String, String> grants = new HashMap<>();
    private final List<SinkRecord> records = new ArrayList<>();

    @BeforeEach
    void setUp() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0)
                .sendRateLimitPerSecond(0).build().start();
        long[] offsets = new long[2];
        for (int g = 0; g < GRANTS; g++) {
            String email = "restart-" + g + "@example.com";
            grants.put(email, nylas.createGrant(email, "google"));
            for (int i = 0; i < SENDS_PER_GRANT; i++) {
                int p = (g + i) % 2;
                records.add(new SinkRecord(TOPIC, p, null, null, null, Changes.taskValue(taskId(), email),
                        offsets[p]++));
            }
        }
    }

    @AfterEach
    void tearDown() {
        tasks.forEach(NylasSinkTask::stop);
        nylas.close();
    }

    private NylasSinkTask start(RecordingContext context) {
        List<String> map = grants.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        NylasSinkTask task = new NylasSinkTask();
        context.assignment.addAll(List.of(TP0, TP1));
        task.initialize(context);
        task.start(Map.of("nylas.api.url", nylas.baseUrl(), "nylas.api.key", nylas.apiKey(),
                "nylas.retry.backoff.ms", "50", "grant.resolution", "static", "grant.map", String.join(",", map)));
        tasks.add(task);
        return task;
    }

    private int sent() {
        return grants.values().stream().mapToInt(nylas::sendCount).sum();
    }

    /** The records at or past each partition's committed offset: what Connect delivers to the next owner. */
    private List<SinkRecord> from(Map<TopicPartition, OffsetAndMetadata> committed) {
        return records.stream().filter(r -> {
            OffsetAndMetadata c = committed.get(new TopicPartition(r.topic(), r.kafkaPartition()));
            return c == null || r.kafkaOffset() >= c.offset();
        }).toList();
    }

    private void assertEachTaskSentOnce() {
        for (String grant : grants.values()) {
            Map<String, Long> perTag = nylas.sentMessages(grant).stream().collect(Collectors.groupingBy(
                    (ObjectNode m) -> m.path("metadata").path("key1").asText(), Collectors.counting()));
            assertEquals(SENDS_PER_GRANT, perTag.size(), "every Task of grant " + grant + " sent");
            perTag.forEach((tag, n) -> assertEquals(1L, n, tag + " sent " + n + " times"));
        }
        assertEquals(GRANTS * SENDS_PER_GRANT, sent());
    }

    private static void drain(NylasSinkTask task) {
        await("every action ended", () -> task.actionsInFlight() == 0, () -> task.put(List.of()));
    }

    @Test
    void aTaskRestartedMidFlightSendsEachTaskExactlyOnce() {
        nylas.faults().onlyPaths("/messages").latency(300, 0);
        RecordingContext first = new RecordingContext();
        NylasSinkTask task = start(first);
        task.put(records);
        await("actions queued behind their grant's 4 running ones (a metric)", () -> ((Number) first.metrics
                .value("actions-waiting-for-grant")).intValue() > 0, () -> { });
        await("some sends done, most still to come", () -> sent() >= 40, () -> task.put(List.of()));
        Map<TopicPartition, OffsetAndMetadata> committed = task.preCommit(Map.of(
                TP0, new OffsetAndMetadata(records.size()), TP1, new OffsetAndMetadata(records.size())));
        task.close(List.of(TP0, TP1));
        task.stop(); // running calls end, queued ones never start
        int sentBefore = sent();
        assertTrue(sentBefore < GRANTS * SENDS_PER_GRANT, "stopped mid-flight (" + sentBefore + " sent)");

        RecordingContext second = new RecordingContext();
        NylasSinkTask restarted = start(second);
        List<SinkRecord> again = from(committed);
        assertTrue(again.size() > GRANTS * SENDS_PER_GRANT - sentBefore, "redelivers sent records too");
        restarted.put(again);
        drain(restarted);

        assertEachTaskSentOnce();
        assertTrue(first.dlq.isEmpty() && second.dlq.isEmpty(), second.reasons());
        grants.values().forEach(g -> assertTrue(nylas.inFlightHighWater(g)
                <= NylasSinkConnectorConfig.MAX_IN_FLIGHT_PER_GRANT_DEFAULT, nylas.inFlightHighWaters().toString()));
    }

    @Test
    void aNewOwnerRedeliveringWhileTheOldTasksSendsStillRunSendsEachTaskExactlyOnce() {
        nylas.faults().onlyPaths("/messages").latency(300, 0);
        RecordingContext first = new RecordingContext();
        NylasSinkTask old = start(first);
        old.put(records);
        await("some sends done", () -> sent() >= 40, () -> old.put(List.of()));
        old.close(List.of(TP0, TP1)); // a rebalance: its running calls go on, their outcomes are ignored

        RecordingContext second = new RecordingContext();
        NylasSinkTask owner = start(second);
        owner.put(records); // everything again, while the old task's calls still run
        drain(owner);
        old.stop();

        assertEachTaskSentOnce();
        assertTrue(second.dlq.isEmpty(), second.reasons());
    }
}
