package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.salesforce.ApiLimitTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-task counters, registered as {@code io.nylassf.connect:type=salesforce-sink-task-metrics,connector=<name>,
 * task=<n>}. Every record that is not written is counted somewhere: skipped, conflict or DLQ.
 */
public final class SinkMetrics implements SinkMetricsMBean, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SinkMetrics.class);

    final AtomicLong created = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong linked = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    final AtomicLong dlq = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicBoolean budgetPaused = new AtomicBoolean();
    private final AtomicLong lastSourceTime = new AtomicLong(-1);
    private volatile ApiLimitTracker limits;
    private ObjectName name;

    /** Registers under Connect's task number ({@code task.index}, set by the connector in each task config). */
    public SinkMetrics register(String connector, int task, ApiLimitTracker limits) {
        this.limits = limits;
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName n = new ObjectName("io.nylassf.connect:type=salesforce-sink-task-metrics,connector="
                    + ObjectName.quote(connector == null ? "unnamed" : connector) + ",task=" + task);
            if (server.isRegistered(n)) {
                // a previous incarnation of this task that was not stopped cleanly: the live task owns the name
                server.unregisterMBean(n);
            }
            server.registerMBean(this, n);
            this.name = n;
        } catch (Exception e) {
            log.warn("Could not register sink metrics MBean: {}", e.toString());
        }
        return this;
    }

    public ObjectName objectName() {
        return name;
    }

    void sourceTime(Instant t) {
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
    public void close() {
        if (name != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (Exception e) {
                log.debug("Could not unregister {}", name, e);
            }
            name = null;
        }
    }
}
