package io.nylassf.connect.common.metrics;

/**
 * Drift repaired as both sinks report it: records a reconciliation re-read that the destination was missing or held
 * differently, and that were therefore written: {@code drift-repaired-total} in all, and by {@code object} (the
 * Salesforce SObject or the Nylas object written), at most {@value #MAX_OBJECTS} objects per task.
 */
public final class DriftMetrics {
    static final int MAX_OBJECTS = 20;

    private volatile TaggedCounters byObject;

    public DriftMetrics publish(PluginMetricSet set) {
        TaggedCounters counters = set.counters("drift-repaired-total",
                "Records a reconciliation found missing or different, and wrote, by object", "object", MAX_OBJECTS);
        set.gauge("drift-repaired-total", "Records a reconciliation found missing or different, and wrote",
                counters::total);
        byObject = counters;
        return this;
    }

    /** {@code n} records of {@code object} repaired. */
    public void repaired(String object, long n) {
        TaggedCounters counters = byObject;
        if (counters != null && n > 0) {
            counters.add(object, n);
        }
    }
}
