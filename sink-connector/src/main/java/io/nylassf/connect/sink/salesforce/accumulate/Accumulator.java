package io.nylassf.connect.sink.salesforce.accumulate;

import io.nylassf.connect.sink.salesforce.pipeline.BatchResult;
import io.nylassf.connect.sink.salesforce.pipeline.BatchWriter;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mechanics between {@code put()} and the batch writer: records go into the {@link RecordBuffer} and the
 * {@link OffsetLedger}; {@link #dispatch} cuts due batches while there is room in flight and nothing holds writing
 * back; {@link #collect} hands finished batches to the task, which decides (written, dead letters, write again
 * later) and tells the accumulator through {@link #finish} or {@link #retryLater}. Used on the task thread only;
 * only the batch writer runs elsewhere.
 */
public final class Accumulator implements AutoCloseable {
    /** A finished batch, for the task to judge: its result, or the exception that ended it. */
    public static final class Finished {
        private final List<Pending> batch;
        private final BatchResult result;
        private final RuntimeException error;
        private Set<SinkRecord> owned;

        Finished(List<Pending> batch, BatchResult result, RuntimeException error) {
            this.batch = batch;
            this.result = result;
            this.error = error;
        }

        public List<SinkRecord> records() {
            return batch.stream().map(Pending::record).toList();
        }

        public BatchResult result() {
            return result;
        }

        public RuntimeException error() {
            return error;
        }

        /** Records of partitions revoked meanwhile are not this task's to report any more. */
        public boolean owns(SinkRecord r) {
            if (owned == null) {
                owned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                batch.stream().filter(p -> !p.ledger().isClosed()).forEach(p -> owned.add(p.record()));
            }
            return owned.contains(r);
        }
    }

    private final RecordBuffer buffer = new RecordBuffer();
    private final OffsetLedger ledger = new OffsetLedger();
    private final InFlightBatches inFlight;
    private final int maxPerTopic;
    private long seq;
    private long holdUntilMs;

    public Accumulator(BatchWriter writer, int maxInFlight, int maxPerTopic, String threadPrefix) {
        this.inFlight = new InFlightBatches(writer, maxInFlight, threadPrefix);
        this.maxPerTopic = maxPerTopic;
    }

    public void add(Collection<SinkRecord> records, long nowMs) {
        for (SinkRecord r : records) {
            buffer.add(new Pending(r, Pending.keyOf(r), seq++, nowMs, ledger.received(r)));
        }
    }

    /**
     * Starts every batch that is due (full, or lingered {@code lingerMs}) while fewer than the maximum are in
     * flight; with {@code drain} every record is due. Returns the number of batches started.
     */
    public int dispatch(long nowMs, long lingerMs, boolean drain) {
        if (nowMs < holdUntilMs) {
            return 0;
        }
        int started = 0;
        while (inFlight.hasRoom() && buffer.size() > 0) {
            long due = drain ? Long.MIN_VALUE : buffer.dueAt(lingerMs, maxPerTopic, inFlight::isBusy);
            if (due == Long.MAX_VALUE || due > nowMs) {
                break;
            }
            List<Pending> batch = buffer.cut(maxPerTopic, inFlight::isBusy);
            if (batch.isEmpty()) {
                break;
            }
            inFlight.submit(batch);
            started++;
        }
        return started;
    }

    /** Batches finished since the last call (waiting up to {@code waitMs} for one when some are in flight). */
    public List<Finished> collect(long waitMs) throws InterruptedException {
        List<InFlightBatches.Done> done = waitMs > 0 ? inFlight.awaitAny(waitMs) : inFlight.finished();
        return done.stream().map(d -> new Finished(d.batch(), d.result(), d.error())).toList();
    }

    /** The batch's records are final (written or dead-lettered): their offsets may be committed. */
    public void finish(Finished f) {
        f.batch.forEach(p -> p.ledger().finished(p.record().originalKafkaOffset()));
    }

    /** Writes the batch again, not before {@code delayMs}; nothing else starts before then either. */
    public void retryLater(Finished f, long nowMs, long delayMs) {
        List<Pending> live = f.batch.stream().filter(p -> !p.ledger().isClosed()).toList();
        buffer.requeue(live);
        holdUntilMs = Math.max(holdUntilMs, nowMs + delayMs);
    }

    /** When {@link #dispatch} should run next (epoch millis), or {@link Long#MAX_VALUE} when nothing waits. */
    public long nextDueMs(long lingerMs) {
        long due = buffer.dueAt(lingerMs, maxPerTopic, inFlight::isBusy);
        return due == Long.MAX_VALUE ? due : Math.max(due, holdUntilMs);
    }

    public Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> current) {
        return ledger.committable(current);
    }

    /** Revoked partitions: their lingering records are dropped (not written, not committed). */
    public int close(Collection<TopicPartition> partitions) {
        ledger.close(partitions);
        return buffer.drop(partitions);
    }

    public int buffered() {
        return buffer.size();
    }

    public int inFlight() {
        return inFlight.running();
    }

    public Set<TopicPartition> bufferedPartitions() {
        return buffer.partitions();
    }

    @Override
    public void close() {
        inFlight.close();
    }
}
