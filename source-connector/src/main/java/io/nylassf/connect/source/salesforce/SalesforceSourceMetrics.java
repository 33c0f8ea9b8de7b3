package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.metrics.FlowMetrics;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.salesforce.ApiBudget;
import io.nylassf.connect.common.salesforce.ApiBudgetMetrics;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.source.salesforce.read.PollInterval;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One task's counters, published as Connect plugin metrics ({@code kafka.connect:type=plugins,connector=<name>,
 * task=<n>}; names in docs/operations.md).
 */
final class SalesforceSourceMetrics implements AutoCloseable {
    private final FlowMetrics flow = new FlowMetrics();
    private final AtomicLong loopsStopped = new AtomicLong();
    private PluginMetricSet published = PluginMetricSet.none();

    SalesforceSourceMetrics publish(PluginMetricSet set, SalesforceClient client, ApiBudget budget,
                                    PollInterval interval) {
        published = set;
        flow.publish(set, "Changed rows read from Salesforce", "Change records written to Kafka and acknowledged",
                "Reads that failed transiently and were tried again after a backoff");
        set.gauge("loops-stopped-total", "Changes made by the integration users, skipped (salesforce.own.changes)",
                loopsStopped::get);
        ApiBudgetMetrics.publish(set, client, budget);
        set.gauge("poll-interval-ms", "The wait between polls in force (it stretches while nothing changes)",
                interval::currentMs);
        return this;
    }

    void rowRead(boolean loopStopped) {
        flow.in(1);
        if (loopStopped) {
            loopsStopped.incrementAndGet();
        }
    }

    void acknowledged(Instant modstamp) {
        flow.out(1);
        if (modstamp != null) {
            flow.sourceTime(modstamp.toEpochMilli());
        }
    }

    void retried() {
        flow.retried();
    }

    @Override
    public void close() {
        published.close();
    }
}
