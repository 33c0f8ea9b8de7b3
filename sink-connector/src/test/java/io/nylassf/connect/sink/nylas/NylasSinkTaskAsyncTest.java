package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.sink.RecordingContext;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.nylassf.connect.sink.nylas.NylasSinkTaskFailurePathsTest.await;
import static io.nylassf.connect.sink.nylas.NylasSinkTaskFailurePathsTest.taskId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * put() does not wait for the Nylas calls it starts: a slow grant never holds the task, preCommit commits only
 * what ended, close() of a partition forgets it, and the pending actions are bounded.
 */
class NylasSinkTaskAsyncTest {
    private static final String TOPIC = "salesforce.task";
    private static final TopicPartition TP0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition TP1 = new TopicPartition(TOPIC, 1);
    private static final AtomicInteger GRANTS = new AtomicInteger();
    private static NylasEmulator nylas;

    private NylasSinkTask task;
    private RecordingContext context;
    private final Map<TopicPartition, Long> offsets = new HashMap<>();

    @BeforeAll
    static void startEmulator() {
        nylas = NylasEmulator.builder().rateLimitPerSecond(0).applicationRateLimitPerSecond(0)
                .sendRateLimitPerSecond(0).build().start();
    }

    @AfterAll
    static void stopEmulator() {
        nylas.close();
    }

    @AfterEach
    void stopTask() {
        nylas.faults().reset();
        if (task != null) {
            task.stop();
        }
    }

    private void start(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of("nylas.api.url", nylas.baseUrl(),
                "nylas.api.key", nylas.apiKey(), "nylas.retry.backoff.ms", "20"));
        props.putAll(extra);
        task = new NylasSinkTask();
        context = new RecordingContext();
        context.assignment.addAll(List.of(TP0, TP1));
        task.initialize(context);
        task.start(props);
    }

    /** A new grant for a new mailbox: its email. */
    private static String mailbox(Map<String, String> grants) {
        String email = "async-" + GRANTS.incrementAndGet() + "@example.com";
        grants.put(email, nylas.createGrant(email, "google"));
        return email;
    }

    private SinkRecord record(TopicPartition tp, String email) {
        long offset = offsets.merge(tp, 1L, Long::sum) - 1;
        return new SinkRecord(tp.topic(), tp.partition(), null, null, null, Changes.taskValue(taskId(), email), offset);
    }

    private long committed(TopicPartition tp, long current) {
        OffsetAndMetadata o = task.preCommit(Map.of(tp, new OffsetAndMetadata(current))).get(tp);
        return o == null ? -1 : o.offset();
    }

    private void drain() throws InterruptedException {
        await("every action ended and harvested", () -> task.actionsInFlight() == 0, () -> task.put(List.of()));
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void putReturnsBeforeASlowSendEndsAndPreCommitHoldsItsOffsetUntilItEnds() throws Exception {
        Map<String, String> grants = new HashMap<>();
        String slow = mailbox(grants);
        start(Map.of());
        nylas.faults().onlyPaths("/messages/send").latency(1_000, 0);
        SinkRecord r = record(TP0, slow);

        long t0 = System.nanoTime();
        task.put(List.of(r));
        long putMs = millisSince(t0);

        assertTrue(putMs < 500, "put() returned after " + putMs + " ms, before the 1 s send");
        assertEquals(0, nylas.sendCount(grants.get(slow)));
        assertEquals(r.kafkaOffset(), committed(TP0, r.kafkaOffset() + 1), "nothing past the unfinished send");
        assertFalse(context.timeouts.isEmpty(), "asks Connect to come back for the outcome");
        await("the send, then its offset", () -> nylas.sendCount(grants.get(slow)) == 1
                && committed(TP0, r.kafkaOffset() + 1) == r.kafkaOffset() + 1, () -> task.put(List.of()));
        long doneMs = millisSince(t0);
        assertTrue(context.dlq.isEmpty(), context.reasons());
        System.out.printf("[figures] 1 send at 1000 ms latency: put() returned in %d ms, committed after %d ms%n",
                putMs, doneMs);
    }

    @Test
    void closeOfAPartitionRemovesItFromPreCommitAndARedeliveredSendIsNotSentTwice() throws Exception {
        Map<String, String> grants = new HashMap<>();
        String a = mailbox(grants);
        String b = mailbox(grants);
        start(Map.of());
        nylas.faults().onlyPaths("/messages/send").latency(800, 0);
        SinkRecord r0 = record(TP0, a);
        SinkRecord r1 = record(TP1, b);
        String lookup = "GET /v3/grants/{grantId}/messages";
        long lookups = nylas.requestCount(lookup);
        task.put(List.of(r0, r1));
        // both actions past their (fast) lookup, so both sends are running when TP1 is revoked
        await("both actions running", () -> nylas.requestCount(lookup) == lookups + 2, () -> { });
        Map<TopicPartition, OffsetAndMetadata> current = Map.of(TP0, new OffsetAndMetadata(1),
                TP1, new OffsetAndMetadata(1));
        assertEquals(Map.of(TP0, new OffsetAndMetadata(0), TP1, new OffsetAndMetadata(0)), task.preCommit(current));

        task.close(List.of(TP1));
        context.assignment.remove(TP1);
        Map<TopicPartition, OffsetAndMetadata> after = task.preCommit(current);
        assertFalse(after.containsKey(TP1), "no offset for a partition the task no longer owns: " + after);
        assertEquals(0, after.get(TP0).offset(), "TP0's send still holds its offset");

        await("both sends (the revoked partition's running one finishes)", () -> nylas.sendCount(grants.get(a))
                == 1 && nylas.sendCount(grants.get(b)) == 1, () -> task.put(List.of()));
        drain();
        assertEquals(Map.of(TP0, new OffsetAndMetadata(1)), task.preCommit(current), "never TP1 again");
        assertTrue(context.dlq.isEmpty(), "the revoked action's outcome is not reported: " + context.reasons());

        // TP1 comes back (to this task) from its last commit: the record is delivered again and not sent twice
        context.assignment.add(TP1);
        task.put(List.of(r1));
        drain();
        assertEquals(1, nylas.sendCount(grants.get(b)), "sent once");
        assertEquals(1, committed(TP1, 1));
    }

    @Test
    void manySmallBatchesAcrossManyGrantsRunInParallelNotOneBatchAtATime() throws Exception {
        int n = 50;
        Map<String, String> grants = new HashMap<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            emails.add(mailbox(grants));
        }
        List<String> map = new ArrayList<>();
        grants.forEach((email, grant) -> map.add(email + "=" + grant));
        start(Map.of("nylas.max.in.flight", "8", "grant.resolution", "static", "grant.map", String.join(",", map)));
        nylas.faults().onlyPaths("/messages").latency(200, 0); // lookup + send: 400 ms per action

        long t0 = System.nanoTime();
        for (String email : emails) {
            task.put(List.of(record(TP0, email))); // one record per put, as Connect delivers a trickle
        }
        long putsMs = millisSince(t0);
        drain();
        long totalMs = millisSince(t0);

        for (String email : emails) {
            assertEquals(1, nylas.sendCount(grants.get(email)), email);
        }
        assertEquals(n, committed(TP0, n));
        System.out.printf("[figures] %d sends over %d grants, 1 per put, 400 ms per send, 8 in flight: the puts "
                + "took %d ms, all ended in %d ms (one at a time: %d ms)%n", n, n, putsMs, totalMs, n * 400);
        assertTrue(totalMs < 5_000, "about n/8 sends' time, not n: " + totalMs + " ms");
    }

    @Test
    void putWaitsForRoomBeyondTheBoundAndHandsTheBatchBackAfterTheTimeout() throws Exception {
        Map<String, String> grants = new HashMap<>();
        String first = mailbox(grants);
        String second = mailbox(grants);
        String slow = mailbox(grants);
        String third = mailbox(grants);
        start(Map.of("nylas.max.pending.actions", "1", "nylas.put.timeout.ms", "1000"));

        nylas.faults().onlyPaths("/messages/send").latency(300, 0);
        task.put(List.of(record(TP0, first)));
        task.put(List.of(record(TP0, second))); // waits for room: the first send has ended when it returns
        assertEquals(1, nylas.sendCount(grants.get(first)), "the second batch waited for the first send");
        drain();

        nylas.faults().onlyPaths("/messages/send").latency(3_000, 0);
        task.put(List.of(record(TP0, slow)));
        SinkRecord late = record(TP0, third);
        long t0 = System.nanoTime();
        assertThrows(RetriableException.class, () -> task.put(List.of(late)));
        long waitedMs = millisSince(t0);
        assertTrue(waitedMs >= 900, "waited for room for the put timeout: " + waitedMs + " ms");
        drain();
        assertEquals(0, nylas.sendCount(grants.get(third)), "nothing of the handed-back batch started");
        task.put(List.of(late)); // Connect delivers it again
        drain();
        assertEquals(1, nylas.sendCount(grants.get(third)));
        assertEquals(1, nylas.sendCount(grants.get(slow)));
        assertTrue(context.dlq.isEmpty(), context.reasons());
    }
}
