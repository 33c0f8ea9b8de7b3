package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.metrics.TaskMBeans;
import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.source.nylas.read.ReadScheduler;
import io.nylassf.connect.source.nylas.webhook.WebhookIntake;
import io.nylassf.connect.source.nylas.webhook.WebhookServer;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import javax.management.ObjectName;
import java.util.Arrays;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one task, registered as an MBean for the task's lifetime. */
public final class NylasSourceMetrics implements NylasSourceMetricsMBean, ReadScheduler.Listener, WebhookServer.Listener {
    private static final int WINDOW = 4096;

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicate = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unlisted = new AtomicLong();
    private volatile WebhookIntake intake;
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private volatile long lastModifiedMs = -1;
    private final long[] latencies = new long[WINDOW];
    private long latencyCount;
    private ObjectName name;

    public void register(String connector, int task) {
        name = TaskMBeans.register(this, "nylas-source-task", connector, task);
    }

    public void unregister() {
        TaskMBeans.unregister(name, this);
    }

    public void acknowledged(SourceRecord record) {
        acknowledged.incrementAndGet();
        if (record.value() instanceof Struct s && s.schema().field(NylasSchemas.MODIFIED_AT) != null
                && s.get(NylasSchemas.MODIFIED_AT) instanceof Date d) {
            lastModifiedMs = d.getTime();
        }
    }

    @Override
    public void grantPaused(String grantId) {
        paused.add(grantId);
    }

    @Override
    public void grantResumed(String grantId) {
        paused.remove(grantId);
    }

    @Override
    public void recordsRead(int n) {
        read.addAndGet(n);
    }

    @Override
    public void accepted() {
        accepted.incrementAndGet();
    }

    @Override
    public void duplicate() {
        duplicate.incrementAndGet();
    }

    @Override
    public void rejected(int status) {
        rejected.incrementAndGet();
    }

    /** The intake whose held records and bytes are reported. */
    public void watch(WebhookIntake intake) {
        this.intake = intake;
    }

    @Override
    public int getWebhookIntakeRecords() {
        WebhookIntake i = intake;
        return i == null ? 0 : i.heldRecords();
    }

    @Override
    public long getWebhookIntakeBytes() {
        WebhookIntake i = intake;
        return i == null ? 0 : i.heldBytes();
    }

    @Override
    public void unlisted() {
        unlisted.incrementAndGet();
    }

    @Override
    public long getWebhooksUnlistedGrant() {
        return unlisted.get();
    }

    @Override
    public synchronized void latency(long nanos) {
        latencies[(int) (latencyCount++ % WINDOW)] = nanos;
    }

    @Override
    public long getRecordsRead() {
        return read.get();
    }

    @Override
    public long getRecordsAcknowledged() {
        return acknowledged.get();
    }

    @Override
    public long getWebhooksAccepted() {
        return accepted.get();
    }

    @Override
    public long getWebhooksDuplicate() {
        return duplicate.get();
    }

    @Override
    public long getWebhooksRejected() {
        return rejected.get();
    }

    @Override
    public int getGrantsPaused() {
        return paused.size();
    }

    @Override
    public long getSyncLagSeconds() {
        long m = lastModifiedMs;
        return m < 0 ? -1 : Math.max(0, (System.currentTimeMillis() - m) / 1000);
    }

    @Override
    public long getWebhookAckP50Micros() {
        return percentile(0.50);
    }

    @Override
    public long getWebhookAckP99Micros() {
        return percentile(0.99);
    }

    private synchronized long percentile(double p) {
        int n = (int) Math.min(latencyCount, WINDOW);
        if (n == 0) {
            return -1;
        }
        long[] copy = Arrays.copyOf(latencies, n);
        Arrays.sort(copy);
        return copy[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1000;
    }
}
