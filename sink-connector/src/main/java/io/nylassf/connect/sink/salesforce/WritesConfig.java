package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.sink.salesforce.write.BulkPolicy;
import io.nylassf.connect.sink.salesforce.write.ItemRetries;
import io.nylassf.connect.sink.salesforce.write.SalesforceWriter;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import java.time.Duration;

/**
 * The Salesforce sink's "Writes" group: how records are written (collections or Bulk API, the client tag) and
 * how failed writes are retried.
 * A config fragment: {@link #addTo} defines the settings; the accessors build what they configure (the Bulk
 * policy, item retries, the batch backoff) from any config built on that definition.
 */
public final class WritesConfig {
    public static final String GROUP = "Writes";
    public static final String CLIENT_TAG = "salesforce.client.tag";
    public static final String CLIENT_TAG_DEFAULT = "nylas-kafka-sync";
    public static final String BATCH_SIZE = "salesforce.batch.size";
    private static final String BATCH_SIZE_DOC = "Records per sObject Collections call (Salesforce allows 200). Up "
            + "to five such collections travel in one Composite request, which Salesforce counts as one API call.";
    public static final int BATCH_SIZE_DEFAULT = 200;
    public static final String BULK_THRESHOLD = "salesforce.bulk.threshold";
    public static final String BULK_TIMEOUT_MS = "salesforce.bulk.timeout.ms";
    public static final String BULK_POLL_INITIAL_MS = "salesforce.bulk.poll.initial.ms";
    public static final String ITEM_RETRY_ATTEMPTS = "salesforce.item.retry.max.attempts";
    public static final String ITEM_RETRY_BACKOFF_MS = "salesforce.item.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MS = "salesforce.retry.backoff.ms";
    public static final int RETRY_BACKOFF_MS_DEFAULT = 1_000;
    public static final String RETRY_BACKOFF_MAX_MS = "salesforce.retry.backoff.max.ms";

    private WritesConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(CLIENT_TAG, Type.STRING, CLIENT_TAG_DEFAULT, new ConfigDef.NonEmptyString(), Importance.MEDIUM)
                .define(BATCH_SIZE, Type.INT, BATCH_SIZE_DEFAULT, Range.between(1, 200), Importance.LOW,
                        BATCH_SIZE_DOC, Width.SHORT, "Batch size")
                .define(BULK_THRESHOLD, Type.INT, 2_000, Range.atLeast(0), Importance.LOW)
                .define(BULK_TIMEOUT_MS, Type.INT, 240_000, Range.between(1_000, 3_600_000), Importance.LOW)
                .define(BULK_POLL_INITIAL_MS, Type.INT, 500, Range.between(10, 60_000), Importance.LOW)
                .define(ITEM_RETRY_ATTEMPTS, Type.INT, 4, Range.between(1, 20), Importance.LOW)
                .define(ITEM_RETRY_BACKOFF_MS, Type.INT, 500, Range.between(0, 30_000), Importance.LOW)
                .define(RETRY_BACKOFF_MS, Type.INT, RETRY_BACKOFF_MS_DEFAULT, Range.between(10, 600_000),
                        Importance.LOW)
                .define(RETRY_BACKOFF_MAX_MS, Type.INT, 60_000, Range.between(10, 3_600_000), Importance.LOW);
    }

    public static String clientTag(AbstractConfig c) {
        return c.getString(CLIENT_TAG);
    }

    public static int batchSize(AbstractConfig c) {
        return c.getInt(BATCH_SIZE);
    }

    /** When a group of writes goes through Bulk API 2.0, and how long its job may take. */
    public static BulkPolicy bulkPolicy(AbstractConfig c) {
        return new BulkPolicy(c.getInt(BULK_THRESHOLD), Duration.ofMillis(c.getInt(BULK_TIMEOUT_MS)),
                Duration.ofMillis(c.getInt(BULK_POLL_INITIAL_MS)));
    }

    /** Failed items of a batch written again by {@code writer}, a few times, before they go to the DLQ. */
    public static ItemRetries itemRetries(AbstractConfig c, SalesforceWriter writer) {
        return new ItemRetries(writer, c.getInt(ITEM_RETRY_ATTEMPTS), Duration.ofMillis(c.getInt(ITEM_RETRY_BACKOFF_MS)));
    }

    /** The wait before a batch held back by a transient failure is written again. */
    public static Backoff batchBackoff(AbstractConfig c) {
        return new Backoff(Duration.ofMillis(c.getInt(RETRY_BACKOFF_MS)), Duration.ofMillis(c.getInt(RETRY_BACKOFF_MAX_MS)));
    }
}
