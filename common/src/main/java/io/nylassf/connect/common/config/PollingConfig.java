package io.nylassf.connect.common.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/**
 * The "Polling" group of the source connectors, opened with the interval between two reads; each connector
 * defines its own polling settings after it, in the same group.
 */
public final class PollingConfig {
    public static final String GROUP = "Polling";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";

    private PollingConfig() {
    }

    /** Opens the group with poll.interval.ms; the doc says what one read is for this connector. */
    public static ConfigDefBuilder addTo(ConfigDefBuilder builder, String doc) {
        return builder.group(GROUP)
                .define(POLL_INTERVAL_MS, Type.INT, 30_000, Range.between(100, 86_400_000),
                        Importance.MEDIUM, doc, Width.SHORT, "Poll interval (ms)");
    }

    public static int pollIntervalMs(AbstractConfig config) {
        return config.getInt(POLL_INTERVAL_MS);
    }
}
