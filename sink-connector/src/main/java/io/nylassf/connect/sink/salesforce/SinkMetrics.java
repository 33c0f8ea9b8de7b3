package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.metrics.TaskMBeans;
import io.nylassf.connect.common.salesforce.ApiLimitTracker;

import javax.management.ObjectName;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-task counters, registered as {@code io.nylassf.connect:type=salesforce-sink-task-metrics,connector=<name>,
 * task=<n>}. Every record that is not written is counted somewhere: skipped, conflict or DLQ.
 */
public final class SinkMetrics implements SinkMetricsMBean, AutoCloseable {

    final AtomicLong created = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong linked = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    final AtomicLong dlq = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicBoolean budgetPaused = new AtomicBoolean();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong buffered = new AtomicLong();
    final AtomicLong inFlight = new AtomicLong();
    final AtomicLong lingerMs = new AtomicLong();
    private final AtomicLong lastSourceTime = new AtomicLong(-1);
    private volatile ApiLimitTracker limits;
    private ObjectName name;

    /** Registers under Connect's task number ({@code task.index}, set by the connector in each task config). */
    public SinkMetrics register(String connector, int task, ApiLimitTracker limits) {
        this.limits = limits;
        this.name = TaskMBeans.register(this, "salesforce-sink-task-metrics", connector, task);
        return this;
    }

    public ObjectName objectName() {
        return name;
    }

    /** Adds what one step of a batch did (the pipeline's tally). */
    public void count(long created, long updated, long linked, long skipped, long conflicts) {
        this.created.addAndGet(created);
        this.updated.addAndGet(updated);
        this.linked.addAndGet(linked);
        this.skipped.addAndGet(skipped);
        this.conflicts.addAndGet(conflicts);
    }

    public void sourceTime(Instant t) {
        if (t != null) {
            lastSourceTime.accumulateAndGet(t.toEpochMilli(), Math::max);
        }
    }

    @Override
    public long getRecordsWritten() {
        return created.get() + updated.get() + linked.get();
    }

    @Override
    public long getRecordsCreated() {
        return created.get();
    }

    @Override
    public long getRecordsUpdated() {
        return updated.get();
    }

    @Override
    public long getRecordsLinked() {
        return linked.get();
    }

    @Override
    public long getRecordsSkipped() {
        return skipped.get();
    }

    @Override
    public long getConflictsResolved() {
        return conflicts.get();
    }

    @Override
    public long getDlqRecords() {
        return dlq.get();
    }

    @Override
    public long getApiCalls() {
        return limits == null ? 0 : limits.callsMade();
    }

    @Override
    public long getApiRemaining() {
        return limits == null ? -1 : limits.remaining().orElse(-1);
    }

    @Override
    public boolean isBudgetPaused() {
        return budgetPaused.get();
    }

    @Override
    public long getRetries() {
        return retries.get();
    }

    @Override
    public long getSyncLagMs() {
        long t = lastSourceTime.get();
        return t < 0 ? -1 : Math.max(0, System.currentTimeMillis() - t);
    }

    @Override
    public long getBatchesWritten() {
        return batches.get();
    }

    @Override
    public long getRecordsBuffered() {
        return buffered.get();
    }

    @Override
    public long getBatchesInFlight() {
        return inFlight.get();
    }

    @Override
    public long getLingerMs() {
        return lingerMs.get();
    }

    @Override
    public void close() {
        TaskMBeans.unregister(name, this);
    }
}
