package io.nylassf.connect.common.metrics;

/**
 * Dead letters as both sinks report them: {@code dlq-records-total} in all, and by {@code reason}
 * ({@link DeadLetterReasons}), at most {@value #MAX_REASONS} reasons per task.
 */
public final class DeadLetterMetrics {
    /** Reasons are Salesforce status codes and a few kinds; the bound only guards against surprises. */
    static final int MAX_REASONS = 20;

    private volatile TaggedCounters byReason;

    public void publish(PluginMetricSet set) {
        TaggedCounters counters = set.counters("dlq-records-total",
                "Records reported to the dead-letter queue, by reason", "reason", MAX_REASONS);
        set.gauge("dlq-records-total", "Records reported to the dead-letter queue", counters::total);
        byReason = counters;
    }

    /** A record reported because of a failure described by {@code message}. */
    public void count(String message) {
        TaggedCounters counters = byReason;
        if (counters != null) {
            counters.increment(DeadLetterReasons.of(message));
        }
    }

    /** A record reported because of {@code failure}. */
    public void count(Throwable failure) {
        TaggedCounters counters = byReason;
        if (counters != null) {
            counters.increment(DeadLetterReasons.of(failure));
        }
    }
}
