package io.nylassf.testkit.connect;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads a connector's plugin metrics (KIP-877) over JMX, as an operator's tooling would, from a worker running in
 * this JVM: {@code kafka.connect:type=plugins,connector=<name>[,task=<n>][,<tag>=<value>...]}, one attribute per
 * metric.
 */
public final class PluginMetricsJmx {
    private PluginMetricsJmx() {
    }

    /** A task's metric; null when no such metric is registered. */
    public static Number task(String connector, int task, String metric) {
        return task(connector, task, metric, Map.of());
    }

    /** A task's metric with {@code tags} (its kind, reason or grant); null when no such metric is registered. */
    public static Number task(String connector, int task, String metric, Map<String, String> tags) {
        Map<String, String> keys = new HashMap<>(tags);
        keys.put("task", Integer.toString(task));
        return read(connector, keys, metric);
    }

    /** A metric of the connector itself (no task tag). */
    public static Number connector(String connector, String metric) {
        return read(connector, Map.of(), metric);
    }

    private static Number read(String connector, Map<String, String> tags, String metric) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            for (ObjectName name : server.queryNames(new ObjectName("kafka.connect:type=plugins,*"), null)) {
                Map<String, String> props = new HashMap<>();
                name.getKeyPropertyList().forEach((k, v) -> props.put(k, unquote(v)));
                props.remove("type");
                if (!connector.equals(props.remove("connector")) || !props.equals(tags)) {
                    continue;
                }
                try {
                    return (Number) server.getAttribute(name, metric);
                } catch (javax.management.AttributeNotFoundException e) {
                    return null;
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + metric + " of " + connector + " " + tags, e);
        }
    }

    private static String unquote(String v) {
        return v.startsWith("\"") ? ObjectName.unquote(v) : v;
    }
}
