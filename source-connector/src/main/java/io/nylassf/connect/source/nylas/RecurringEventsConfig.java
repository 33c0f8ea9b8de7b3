package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The Nylas source's "Recurring events" group: how far around now a series' occurrences are read, each to become
 * its own record. A config fragment: {@link #addTo} defines the setting, {@link #horizonDays} reads it.
 */
public final class RecurringEventsConfig {
    public static final String GROUP = "Recurring events";
    public static final String HORIZON_DAYS = "events.recurring.horizon.days";

    private RecurringEventsConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(HORIZON_DAYS, Type.INT, 90, Range.between(0, 730), Importance.MEDIUM);
    }

    public static int horizonDays(AbstractConfig c) {
        return c.getInt(HORIZON_DAYS);
    }
}
