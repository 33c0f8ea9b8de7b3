package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.source.nylas.read.EventRange;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.time.Clock;

/**
 * The Nylas source's "Event range" group: which event times the events windows and reconciliation ask for. A config
 * fragment: {@link #addTo} defines the settings, {@link #range} reads them.
 */
public final class EventRangeConfig {
    public static final String GROUP = "Event range";
    public static final String PAST_DAYS = "events.range.past.days";
    public static final String FUTURE_DAYS = "events.range.future.days";

    private EventRangeConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(PAST_DAYS, Type.INT, EventRange.DEFAULT_DAYS, Range.between(0, 3650), Importance.MEDIUM)
                .define(FUTURE_DAYS, Type.INT, EventRange.DEFAULT_DAYS, Range.between(0, 3650), Importance.MEDIUM);
    }

    public static EventRange range(AbstractConfig c, Clock clock) {
        return EventRange.days(c.getInt(PAST_DAYS), c.getInt(FUTURE_DAYS), clock);
    }
}
