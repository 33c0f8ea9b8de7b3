package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.metrics.TaskMBeans;

import javax.management.ObjectName;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-task counters, registered as {@code io.nylassf.connect:type=nylas-sink-task-metrics,connector=<name>,
 * task=<n>}. A restarted task takes the name over; the old instance's {@link #close()} then leaves the new one's
 * registration alone.
 */
public final class NylasSinkMetrics implements NylasSinkMetricsMBean, AutoCloseable {

    private final AtomicLong notAuthorized = new AtomicLong();
    private final AtomicLong dlq = new AtomicLong();
    private ObjectName name;

    public NylasSinkMetrics register(String connector, int task) {
        this.name = TaskMBeans.register(this, "nylas-sink-task-metrics", connector, task);
        return this;
    }

    public ObjectName objectName() {
        return name;
    }

    void notAuthorized() {
        notAuthorized.incrementAndGet();
    }

    void dlq() {
        dlq.incrementAndGet();
    }

    @Override
    public long getActionsNotAuthorized() {
        return notAuthorized.get();
    }

    @Override
    public long getDlqRecords() {
        return dlq.get();
    }

    @Override
    public void close() {
        TaskMBeans.unregister(name, this);
    }
}
