package io.nylassf.connect.sink.salesforce.accumulate;

import io.nylassf.connect.common.exec.IdleRetiringPool;
import io.nylassf.connect.sink.salesforce.pipeline.BatchResult;
import io.nylassf.connect.sink.salesforce.pipeline.BatchWriter;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Batches being written, at most {@code maxInFlight} at once (each one lookup-then-write sequence, so the lookups
 * of one batch overlap the writes of another). Knows which record keys are being written. Finished batches wait
 * in a queue until the task thread {@link #finished() collects} them, so DLQ reports, offsets and metrics are
 * handled on that thread only.
 */
final class InFlightBatches implements AutoCloseable {
    /** A batch that has been written, with its result or the exception that ended it. */
    record Done(List<Pending> batch, BatchResult result, RuntimeException error) {
    }

    private final BatchWriter writer;
    private final int maxInFlight;
    private final ExecutorService pool;
    private final LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final Map<String, Integer> busyKeys = new HashMap<>();
    private int running;

    InFlightBatches(BatchWriter writer, int maxInFlight, String threadPrefix) {
        this.writer = writer;
        this.maxInFlight = maxInFlight;
        this.pool = IdleRetiringPool.create(maxInFlight, threadPrefix);
    }

    boolean hasRoom() {
        return running < maxInFlight;
    }

    int running() {
        return running;
    }

    boolean isBusy(String key) {
        return busyKeys.containsKey(key);
    }

    void submit(List<Pending> batch) {
        running++;
        batch.forEach(p -> busyKeys.merge(p.key(), 1, Integer::sum));
        List<SinkRecord> records = batch.stream().map(Pending::record).toList();
        pool.execute(() -> {
            try {
                done.add(new Done(batch, writer.write(records), null));
            } catch (RuntimeException e) {
                done.add(new Done(batch, null, e));
            }
        });
    }

    /** Batches finished since the last call; their keys are free again. */
    List<Done> finished() {
        List<Done> out = new ArrayList<>();
        done.drainTo(out);
        out.forEach(this::release);
        return out;
    }

    /** Waits up to {@code timeoutMs} for one batch to finish; returns what finished meanwhile. */
    List<Done> awaitAny(long timeoutMs) throws InterruptedException {
        if (running == 0) {
            return List.of();
        }
        Done first = done.poll(timeoutMs, TimeUnit.MILLISECONDS);
        List<Done> out = new ArrayList<>();
        if (first != null) {
            out.add(first);
            release(first);
        }
        out.addAll(finished());
        return out;
    }

    private void release(Done d) {
        running--;
        d.batch().forEach(p -> busyKeys.computeIfPresent(p.key(), (k, c) -> c == 1 ? null : c - 1));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
