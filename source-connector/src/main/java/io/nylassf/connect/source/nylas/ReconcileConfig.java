package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The Nylas source's "Reconciliation" group: how often each grant's recent messages, events and contacts are read
 * again and re-emitted (observed_via {@code reconcile}) so the sinks repair what a lost webhook or a late provider
 * sync left behind. A config fragment: {@link #addTo} defines the settings, {@link #settings} reads them.
 */
public final class ReconcileConfig {
    public static final String GROUP = "Reconciliation";
    public static final String INTERVAL_MS = "reconcile.interval.ms";
    public static final String LOOKBACK_DAYS = "reconcile.lookback.days";

    /** The reconciliation as configured; {@code intervalMs <= 0} turns it off. */
    public record Settings(long intervalMs, int lookbackDays) {
        public boolean enabled() {
            return intervalMs > 0 && lookbackDays > 0;
        }
    }

    private ReconcileConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(INTERVAL_MS, Type.LONG, 86_400_000L, Range.between(-1L, 31_536_000_000L), Importance.MEDIUM)
                .define(LOOKBACK_DAYS, Type.INT, 7, Range.between(0, 365), Importance.MEDIUM);
    }

    public static Settings settings(AbstractConfig c) {
        return new Settings(c.getLong(INTERVAL_MS), c.getInt(LOOKBACK_DAYS));
    }
}
