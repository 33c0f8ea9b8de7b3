package io.nylassf.connect.common.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A count that carries its metric name and description, so a metrics class declares each figure once and
 * publishes them all with {@link PluginMetricSet#gauges}.
 */
public final class NamedCount extends AtomicLong {
    private final String name;
    private final String description;

    public NamedCount(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }
}
