package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.metrics.NamedCount;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.source.nylas.read.ReconcileReader;

/** The task's reconciliation counters, published beside {@link NylasSourceMetrics} (names in docs/operations.md). */
final class ReconcileMetrics implements ReconcileReader.Listener {
    final NamedCount runs = new NamedCount("reconcile-runs-total", "Grant reconciliations finished");
    final NamedCount records = new NamedCount("reconcile-records-total",
            "Objects re-emitted by reconciliations (observed_via=reconcile)");
    final NamedCount calls = new NamedCount("reconcile-calls-total", "Nylas list calls made by reconciliations");

    ReconcileMetrics publish(PluginMetricSet set) {
        set.gauges(runs, records, calls);
        return this;
    }

    @Override
    public void reconciled(String grantId, long records, long calls) {
        this.runs.incrementAndGet();
        this.records.addAndGet(records);
        this.calls.addAndGet(calls);
    }
}
