package io.nylassf.connect.common.config;

import io.nylassf.connect.common.salesforce.ApiReserve;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.time.Duration;

/**
 * The "API budget" group both Salesforce connectors share: the share of the org's daily API allocation left to
 * others.
 * A config fragment: {@link #addTo} defines the settings, the accessors read them from any config built on that
 * definition.
 */
public final class ApiBudgetConfig {
    public static final String GROUP = "API budget";
    public static final String API_RESERVE_PERCENT = "salesforce.api.reserve.percent";
    public static final String API_BUDGET_CHECK_MS = "salesforce.api.budget.check.interval.ms";

    private ApiBudgetConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(API_RESERVE_PERCENT, Type.INT, 10, Range.between(0, 90), Importance.MEDIUM)
                .define(API_BUDGET_CHECK_MS, Type.INT, 60_000, Range.between(100, 3_600_000), Importance.LOW);
    }

    public static ApiReserve reserve(AbstractConfig c) {
        return new ApiReserve(c.getInt(API_RESERVE_PERCENT), Duration.ofMillis(c.getInt(API_BUDGET_CHECK_MS)));
    }
}
