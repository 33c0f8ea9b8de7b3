package io.nylassf.connect.sink.salesforce.accumulate;

import io.nylassf.connect.sink.salesforce.pipeline.BatchResult;
import io.nylassf.connect.sink.salesforce.pipeline.BatchWriter;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accumulator's rules with a batch writer that records what it was given (no Salesforce involved). */
class AccumulatorTest {
    static final TopicPartition TP = new TopicPartition("nylas.messages", 0);

    /** Records each batch's keys; can hold batches until released, and notices two batches sharing a key. */
    static final class RecordingWriter implements BatchWriter {
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        final Set<String> running = Collections.synchronizedSet(new HashSet<>());
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public BatchResult write(List<SinkRecord> records) {
            List<String> keys = records.stream().map(r -> String.valueOf(r.key())).toList();
            for (String k : new HashSet<>(keys)) { // one batch may hold several versions of a key
                if (!running.add(k)) {
                    overlaps.incrementAndGet();
                }
            }
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(keys);
            concurrent.decrementAndGet();
            new HashSet<>(keys).forEach(running::remove);
            return new BatchResult(List.of(), null);
        }
    }

    final RecordingWriter writer = new RecordingWriter();
    Accumulator acc;

    @AfterEach
    void close() {
        acc.close();
    }

    static SinkRecord record(String key, long offset) {
        return new SinkRecord(TP.topic(), TP.partition(), null, key, null, "v", offset);
    }

    List<Accumulator.Finished> collectAll(int batches) throws InterruptedException {
        List<Accumulator.Finished> out = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 5_000;
        while (out.size() < batches && System.currentTimeMillis() < deadline) {
            out.addAll(acc.collect(100));
        }
        out.forEach(acc::finish);
        return out;
    }

    @Test
    void recordsLingerAcrossPutsUntilTheLingerPassesThenGoAsOneBatch() throws Exception {
        acc = new Accumulator(writer, 4, 1000, "t");
        for (int i = 0; i < 10; i++) {
            acc.add(List.of(record("k" + i, i)), 1_000 + i * 100L); // a trickle: one record every 100 ms
            assertEquals(0, acc.dispatch(1_000 + i * 100L, 2_000, false), "nothing is due before the linger");
        }
        assertEquals(3_000, acc.nextDueMs(2_000), "due when the oldest has lingered 2 s");
        assertEquals(1, acc.dispatch(3_000, 2_000, false));
        collectAll(1);
        assertEquals(List.of(10), writer.batches.stream().map(List::size).toList());
    }

    @Test
    void aFullBatchGoesAtOnceWithoutWaitingForTheLinger() throws Exception {
        acc = new Accumulator(writer, 4, 100, "t");
        List<SinkRecord> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(record("k" + i, i));
        }
        acc.add(many, 0);
        assertEquals(2, acc.dispatch(0, 60_000, false), "two full batches of 100; 50 linger");
        assertEquals(50, acc.buffered());
        collectAll(2);
    }

    @Test
    void oneKeyIsNeverInTwoBatchesInFlightAndItsVersionsLandInOrder() throws Exception {
        acc = new Accumulator(writer, 4, 1000, "t");
        writer.gate = new CountDownLatch(1);
        acc.add(List.of(record("a", 0), record("b", 1)), 0);
        assertEquals(1, acc.dispatch(0, 0, false));
        acc.add(List.of(record("a", 2), record("c", 3), record("a", 4)), 1);
        assertEquals(1, acc.dispatch(1, 0, false), "c goes; a waits for its batch in flight");
        assertEquals(2, acc.buffered());
        org.apache.kafka.test.TestUtils.waitForCondition(() -> writer.concurrent.get() == 2, 5_000,
                "batches of other keys run at the same time");
        writer.gate.countDown();
        collectAll(2);
        assertEquals(1, acc.dispatch(2, 0, false), "a's later versions, once its first batch is done");
        collectAll(1);
        assertEquals(0, writer.overlaps.get());
        List<String> order = writer.batches.stream().flatMap(List::stream).filter("a"::equals).toList();
        assertEquals(3, order.size());
    }

    @Test
    void offsetsAreCommittableOnlyUpToTheOldestRecordNotFinal() throws Exception {
        acc = new Accumulator(writer, 1, 1000, "t");
        writer.gate = new CountDownLatch(1);
        acc.add(List.of(record("a", 10), record("b", 11)), 0);
        acc.dispatch(0, 0, false);
        acc.add(List.of(record("c", 12)), 1); // lingers
        Map<TopicPartition, OffsetAndMetadata> current = Map.of(TP, new OffsetAndMetadata(13));
        assertEquals(10, acc.committable(current).get(TP).offset(), "nothing final yet");
        writer.gate.countDown();
        collectAll(1);
        assertEquals(12, acc.committable(current).get(TP).offset(), "the lingering record holds its offset");
        acc.dispatch(10, 0, false);
        collectAll(1);
        assertEquals(13, acc.committable(current).get(TP).offset());
    }

    @Test
    void aRevokedPartitionsLingeringRecordsAreDroppedAndItsBatchInFlightReleasesNothingLater() throws Exception {
        acc = new Accumulator(writer, 2, 1000, "t");
        writer.gate = new CountDownLatch(1);
        acc.add(List.of(record("a", 0)), 0);
        acc.dispatch(0, 0, false);
        acc.add(List.of(record("b", 1)), 0);
        assertEquals(1, acc.close(List.of(TP)), "b was lingering: left for the next owner");
        assertEquals(0, acc.buffered());
        // the partition comes back (a rebalance): offsets 0 and 1 are delivered again
        acc.add(List.of(record("a", 0), record("b", 1)), 1);
        writer.gate.countDown();
        collectAll(1); // the old batch of "a" finishes now
        Map<TopicPartition, OffsetAndMetadata> current = Map.of(TP, new OffsetAndMetadata(2));
        assertEquals(0, acc.committable(current).get(TP).offset(),
                "the old assignment's batch does not release the new assignment's offsets");
        acc.dispatch(2, 0, false);
        collectAll(1);
        assertEquals(2, acc.committable(current).get(TP).offset());
    }

    @Test
    void aBatchToWriteAgainHoldsEverythingBackUntilItsBackoffAndKeepsItsPlace() throws Exception {
        acc = new Accumulator(writer, 4, 1000, "t");
        acc.add(List.of(record("a", 0)), 0);
        acc.dispatch(0, 0, false);
        Accumulator.Finished f = acc.collect(5_000).get(0);
        acc.add(List.of(record("a", 1), record("b", 2)), 10);
        acc.retryLater(f, 10, 1_000);
        assertEquals(0, acc.dispatch(500, 0, false), "held back during the backoff");
        assertEquals(1_010, acc.nextDueMs(0));
        assertEquals(1, acc.dispatch(1_010, 0, false));
        collectAll(1);
        assertEquals(List.of("a", "a", "b"), writer.batches.get(1), "the batch to write again keeps its place, "
                + "ahead of a's newer version (the pipeline keeps the newest of one batch)");
    }
}
