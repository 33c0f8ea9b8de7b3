package io.nylassf.testkit.connect;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;

/**
 * The plugin metrics a Connect worker hands a task (KIP-877), for a task run outside a worker: the same
 * implementation the worker uses, over a registry of its own that a test can read.
 */
public final class InMemoryPluginMetrics implements AutoCloseable {
    private final Metrics metrics = new Metrics();
    private final PluginMetricsImpl plugin;

    public InMemoryPluginMetrics(String connector, int task) {
        plugin = new PluginMetricsImpl(metrics, new LinkedHashMap<>(Map.of("connector", connector,
                "task", Integer.toString(task))));
    }

    public PluginMetrics pluginMetrics() {
        return plugin;
    }

    /** The value of metric {@code name} with exactly {@code tags} beyond connector and task; null when absent. */
    public Object value(String name, Map<String, String> tags) {
        for (Map.Entry<MetricName, KafkaMetric> e : metrics.metrics().entrySet()) {
            MetricName n = e.getKey();
            if (n.group().equals("plugins") && n.name().equals(name)
                    && n.tags().size() == tags.size() + 2 && n.tags().entrySet().containsAll(tags.entrySet())) {
                return e.getValue().metricValue();
            }
        }
        return null;
    }

    public Object value(String name) {
        return value(name, Map.of());
    }

    /** How many plugin metrics are registered now. */
    public long count() {
        return metrics.metrics().keySet().stream().filter(n -> n.group().equals("plugins")).count();
    }

    @Override
    public void close() {
        try {
            plugin.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        metrics.close();
    }
}
