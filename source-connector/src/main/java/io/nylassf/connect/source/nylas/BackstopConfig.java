package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The Nylas source's "Backstop" group: how often windowed reads look for what webhooks missed while webhooks are
 * healthy. A config fragment: {@link #addTo} defines the settings, {@link #settings} reads them.
 */
public final class BackstopConfig {
    public static final String GROUP = "Backstop";
    public static final String INTERVAL_MS = "backstop.interval.ms";
    public static final String IDLE_AFTER_MS = "backstop.idle.after.ms";
    public static final String HEALTH_CHECK_MS = "webhook.health.check.interval.ms";

    /** The backstop as configured. */
    public record Settings(long intervalMs, long idleAfterMs, long healthCheckMs) {
    }

    private BackstopConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(INTERVAL_MS, Type.LONG, 1_800_000L, Range.between(1_000L, 86_400_000L), Importance.MEDIUM)
                .define(IDLE_AFTER_MS, Type.LONG, 86_400_000L, Range.atLeast(1_000L), Importance.LOW)
                .define(HEALTH_CHECK_MS, Type.LONG, 300_000L, Range.between(1_000L, 86_400_000L), Importance.LOW);
    }

    public static Settings settings(AbstractConfig c) {
        return new Settings(c.getLong(INTERVAL_MS), c.getLong(IDLE_AFTER_MS), c.getLong(HEALTH_CHECK_MS));
    }
}
