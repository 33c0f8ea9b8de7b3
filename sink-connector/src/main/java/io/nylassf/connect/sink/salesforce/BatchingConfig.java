package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.util.OptionalLong;

/**
 * The Salesforce sink's batching settings: how long records linger for a full batch, how many batches are written
 * at once, and the daily call budget the linger adapts to. A config fragment: {@link #addTo} defines them, the
 * accessors read them from any config built on that definition.
 */
public final class BatchingConfig {
    public static final String GROUP = "Batching";
    public static final String LINGER_MS = "salesforce.linger.ms";
    public static final String LINGER_MAX_MS = "salesforce.linger.max.ms";
    public static final String BATCH_MAX_RECORDS = "salesforce.batch.max.records";
    public static final String MAX_IN_FLIGHT = "salesforce.max.in.flight";
    public static final int MAX_IN_FLIGHT_DEFAULT = 4;
    public static final String BUFFER_MAX_RECORDS = "salesforce.buffer.max.records";
    public static final String DAILY_BUDGET = "salesforce.daily.call.budget";
    public static final String DAILY_BUDGET_PERCENT = "salesforce.daily.call.budget.percent";

    private BatchingConfig() {
    }

    public static void addTo(ConfigDef def) {
        new ConfigDefBuilder(def).group(GROUP)
                .define(LINGER_MS, Type.INT, 15_000, Range.between(0, 600_000), Importance.MEDIUM)
                .define(LINGER_MAX_MS, Type.INT, 120_000, Range.between(0, 3_600_000), Importance.LOW)
                .define(BATCH_MAX_RECORDS, Type.INT, 1_000, Range.between(1, 100_000), Importance.LOW)
                .define(MAX_IN_FLIGHT, Type.INT, MAX_IN_FLIGHT_DEFAULT, Range.between(1, 25), Importance.LOW)
                .define(BUFFER_MAX_RECORDS, Type.INT, 10_000, Range.between(1, 1_000_000), Importance.LOW)
                .define(DAILY_BUDGET, Type.LONG, 0L, Range.atLeast(0), Importance.MEDIUM)
                .define(DAILY_BUDGET_PERCENT, Type.INT, 50, Range.between(1, 100), Importance.LOW);
    }

    public static long lingerMs(AbstractConfig c) {
        return c.getInt(LINGER_MS);
    }

    public static long lingerMaxMs(AbstractConfig c) {
        return c.getInt(LINGER_MAX_MS);
    }

    public static int batchMaxRecords(AbstractConfig c) {
        return c.getInt(BATCH_MAX_RECORDS);
    }

    public static int maxInFlight(AbstractConfig c) {
        return c.getInt(MAX_IN_FLIGHT);
    }

    public static int bufferMaxRecords(AbstractConfig c) {
        return c.getInt(BUFFER_MAX_RECORDS);
    }

    /**
     * The connector's calls per day: the explicit budget, else the configured share of the org's allocation
     * once a response has reported it (empty until then).
     */
    public static OptionalLong dailyBudget(AbstractConfig c, OptionalLong orgDailyMax) {
        long explicit = c.getLong(DAILY_BUDGET);
        if (explicit > 0) {
            return OptionalLong.of(explicit);
        }
        return orgDailyMax.isEmpty() ? OptionalLong.empty()
                : OptionalLong.of(orgDailyMax.getAsLong() * c.getInt(DAILY_BUDGET_PERCENT) / 100);
    }
}
