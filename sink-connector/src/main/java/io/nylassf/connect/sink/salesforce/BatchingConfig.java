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
    public static final int LINGER_MS_DEFAULT = 15_000;
    private static final String LINGER_MS_DOC = "How long a record may wait for others to fill a batch before it "
            + "is written (the latency of a trickle). Records accumulate across Connect's put() calls until one "
            + "object has salesforce.batch.max.records waiting or the oldest has waited this long; a trickle then "
            + "costs about one lookup and one write call per linger. 0 writes whatever each put() brings at once.";

    public static final String LINGER_MAX_MS = "salesforce.linger.max.ms";
    public static final int LINGER_MAX_MS_DEFAULT = 120_000;
    private static final String LINGER_MAX_MS_DOC = "The longest the linger may stretch to when the calls this task "
            + "spends would exceed its share of salesforce.daily.call.budget; it shrinks back to salesforce.linger.ms "
            + "when there is room.";

    public static final String BATCH_MAX_RECORDS = "salesforce.batch.max.records";
    public static final int BATCH_MAX_RECORDS_DEFAULT = 1_000;
    private static final String BATCH_MAX_RECORDS_DOC = "Records of one input topic (one Salesforce object) in a "
            + "batch: 1,000 fills one Composite call with five 200-record collections. A batch over "
            + "salesforce.bulk.threshold goes through Bulk API 2.0.";

    public static final String MAX_IN_FLIGHT = "salesforce.max.in.flight";
    public static final int MAX_IN_FLIGHT_DEFAULT = 4;
    private static final String MAX_IN_FLIGHT_DOC = "Batches a task writes at once (each its lookups, then its "
            + "writes, so one batch's lookups overlap another's writes). Two batches never hold the same record key, "
            + "so one record's versions land in order. Salesforce allows an org 25 long-running requests at once; "
            + "keep tasks.max times this well under that.";

    public static final String BUFFER_MAX_RECORDS = "salesforce.buffer.max.records";
    public static final int BUFFER_MAX_RECORDS_DEFAULT = 10_000;
    private static final String BUFFER_MAX_RECORDS_DOC = "Records a task holds that are not being written yet; "
            + "when reached, the task pauses its partitions until half of them are written (bounded memory while "
            + "Salesforce is slow or the budget is exhausted).";

    public static final String DAILY_BUDGET = "salesforce.daily.call.budget";
    private static final String DAILY_BUDGET_DOC = "Salesforce API calls per day the connector (all its tasks) may "
            + "spend; each task takes an equal share and stretches its linger to stay inside it. 0 (default) means "
            + "salesforce.daily.call.budget.percent of the org's daily allocation, as Sforce-Limit-Info reports it.";

    public static final String DAILY_BUDGET_PERCENT = "salesforce.daily.call.budget.percent";
    public static final int DAILY_BUDGET_PERCENT_DEFAULT = 50;
    private static final String DAILY_BUDGET_PERCENT_DOC = "With salesforce.daily.call.budget=0: the share of the "
            + "org's daily API allocation the connector may spend.";

    private BatchingConfig() {
    }

    public static void addTo(ConfigDef def) {
        new ConfigDefBuilder(def).group(GROUP)
                .define(LINGER_MS, Type.INT, LINGER_MS_DEFAULT, Range.between(0, 600_000), Importance.MEDIUM,
                        LINGER_MS_DOC, Width.SHORT, "Linger (ms)")
                .define(LINGER_MAX_MS, Type.INT, LINGER_MAX_MS_DEFAULT, Range.between(0, 3_600_000), Importance.LOW,
                        LINGER_MAX_MS_DOC, Width.SHORT, "Longest linger (ms)")
                .define(BATCH_MAX_RECORDS, Type.INT, BATCH_MAX_RECORDS_DEFAULT, Range.between(1, 100_000),
                        Importance.LOW, BATCH_MAX_RECORDS_DOC, Width.SHORT, "Records per batch and object")
                .define(MAX_IN_FLIGHT, Type.INT, MAX_IN_FLIGHT_DEFAULT, Range.between(1, 25), Importance.LOW,
                        MAX_IN_FLIGHT_DOC, Width.SHORT, "Batches in flight")
                .define(BUFFER_MAX_RECORDS, Type.INT, BUFFER_MAX_RECORDS_DEFAULT, Range.between(1, 1_000_000),
                        Importance.LOW, BUFFER_MAX_RECORDS_DOC, Width.SHORT, "Buffered records")
                .define(DAILY_BUDGET, Type.LONG, 0L, Range.atLeast(0), Importance.MEDIUM, DAILY_BUDGET_DOC,
                        Width.SHORT, "Daily call budget")
                .define(DAILY_BUDGET_PERCENT, Type.INT, DAILY_BUDGET_PERCENT_DEFAULT, Range.between(1, 100),
                        Importance.LOW, DAILY_BUDGET_PERCENT_DOC, Width.SHORT, "Daily call budget (% of the org's)");
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
