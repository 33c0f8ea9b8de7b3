package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.salesforce.ApiBudgetMetrics;
import io.nylassf.connect.common.salesforce.ApiLimitTracker;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One task's counters, published as Connect plugin metrics ({@code kafka.connect:type=plugins,connector=<name>,
 * task=<n>}; names in docs/operations.md).
 */
final class SalesforceSourceMetrics implements AutoCloseable {
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicLong recordsOut = new AtomicLong();
    private final AtomicLong loopsStopped = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong newestModstampMs = new AtomicLong(-1);
    private PluginMetricSet published = PluginMetricSet.none();

    SalesforceSourceMetrics publish(PluginMetricSet set, ApiLimitTracker limits) {
        published = set;
        set.gauge("records-in-total", "Changed rows read from Salesforce", rowsRead::get);
        set.gauge("records-out-total", "Change records written to Kafka and acknowledged", recordsOut::get);
        set.gauge("loops-stopped-total", "Changes made by the integration users, skipped (salesforce.own.changes)",
                loopsStopped::get);
        set.gauge("retries-total", "Reads that failed transiently and were tried again after a backoff",
                retries::get);
        set.gauge("lag-ms", "Now minus the SystemModstamp of the newest change acknowledged", () -> {
            long t = newestModstampMs.get();
            return t < 0 ? -1 : Math.max(0, System.currentTimeMillis() - t);
        });
        // The source keeps no reserve of its own: it reads, and the sink's reserve guards the org's allocation.
        ApiBudgetMetrics.publish(set, limits, 0, () -> 0);
        return this;
    }

    void rowRead(boolean loopStopped) {
        rowsRead.incrementAndGet();
        if (loopStopped) {
            loopsStopped.incrementAndGet();
        }
    }

    void acknowledged(Instant modstamp) {
        recordsOut.incrementAndGet();
        if (modstamp != null) {
            newestModstampMs.accumulateAndGet(modstamp.toEpochMilli(), Math::max);
        }
    }

    void retried() {
        retries.incrementAndGet();
    }

    @Override
    public void close() {
        published.close();
    }
}
