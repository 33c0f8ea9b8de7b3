package io.nylassf.connect.common.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one connector or task, added to the {@link PluginMetrics} Connect hands the plugin (KIP-877). The
 * worker's reporters publish them; over JMX as {@code kafka.connect:type=plugins,connector=<name>[,task=<n>]}
 * plus any tags of the metric. Names follow one scheme: lower-case words joined by {@code -}, a {@code -total}
 * suffix for counts that only grow, a unit suffix ({@code -ms}) where there is one.
 *
 * <p>Without plugin metrics (a context that offers none) the set records nothing and costs nothing; the counters
 * the tasks keep still work. Closing removes what this set added, so a restarted task can add its own again.
 */
public final class PluginMetricSet implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PluginMetricSet.class);

    private final PluginMetrics metrics;
    private final List<MetricName> added = new ArrayList<>();
    private boolean closed;

    private PluginMetricSet(PluginMetrics metrics) {
        this.metrics = metrics;
    }

    /** A set publishing through {@code metrics}; a null argument gives a set that publishes nothing. */
    public static PluginMetricSet of(PluginMetrics metrics) {
        return new PluginMetricSet(metrics);
    }

    /** A set that publishes nothing (before a task starts, or in a context without plugin metrics). */
    public static PluginMetricSet none() {
        return new PluginMetricSet(null);
    }

    /** Reads the context's plugin metrics, tolerating a context (a test's, an older worker's) that has none. */
    public static PluginMetricSet of(Supplier<PluginMetrics> context) {
        try {
            return new PluginMetricSet(context.get());
        } catch (UnsupportedOperationException | LinkageError e) {
            log.info("This worker offers no plugin metrics (KIP-877, Kafka 4.1+); metrics are not published");
            return new PluginMetricSet(null);
        }
    }

    public boolean published() {
        return metrics != null;
    }

    /** A value read each time a reporter asks for it (a count, a level, a lag). */
    public void gauge(String name, String description, Supplier<? extends Number> value) {
        gauge(name, description, Map.of(), value);
    }

    /** Publishes each count under its own name. */
    public void gauges(NamedCount... counts) {
        for (NamedCount c : counts) {
            gauge(c.name(), c.description(), c::get);
        }
    }

    public synchronized void gauge(String name, String description, Map<String, String> tags,
                                   Supplier<? extends Number> value) {
        if (metrics == null || closed) {
            return;
        }
        MetricName metricName = metrics.metricName(name, description, new LinkedHashMap<>(tags));
        try {
            metrics.addMetric(metricName, (Gauge<Number>) (config, now) -> value.get());
            added.add(metricName);
        } catch (IllegalArgumentException e) {
            // The name is still held by an instance of this task that has not stopped yet.
            log.warn("Metric {} {} is not published by this instance: {}", name, tags, e.getMessage());
        }
    }

    /** Counts tagged with {@code tag}, one metric per value seen, at most {@code maxValues} of them. */
    public TaggedCounters counters(String name, String description, String tag, int maxValues) {
        return new TaggedCounters(this, name, description, tag, maxValues);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (MetricName name : added) {
            try {
                metrics.removeMetric(name);
            } catch (RuntimeException e) {
                // Connect closes a stopped task's plugin metrics itself; nothing is left to remove then.
                log.debug("Metric {} was already removed: {}", name, e.toString());
            }
        }
        added.clear();
    }
}
