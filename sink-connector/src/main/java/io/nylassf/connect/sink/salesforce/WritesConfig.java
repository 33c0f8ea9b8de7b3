package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.ConfigDefBuilder;
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
 * A config fragment: {@link #addTo} defines the settings, the accessors read them from any config built on that
 * definition.
 */
public final class WritesConfig {
    public static final String GROUP = "Writes";

    public static final String CLIENT_TAG = "salesforce.client.tag";
    private static final String CLIENT_TAG_DOC = "Client ID sent as 'Sforce-Call-Options: client=<id>' on every "
            + "write, so Change Data Capture (changeOrigin) and the Salesforce source can recognise this sink's own "
            + "changes and never echo them back to Nylas.";
    public static final String CLIENT_TAG_DEFAULT = "nylas-kafka-sync";

    public static final String BATCH_SIZE = "salesforce.batch.size";
    private static final String BATCH_SIZE_DOC = "Records per sObject Collections call (Salesforce allows 200). Up "
            + "to five such collections travel in one Composite request, which Salesforce counts as one API call.";
    public static final int BATCH_SIZE_DEFAULT = 200;

    public static final String BULK_THRESHOLD = "salesforce.bulk.threshold";
    private static final String BULK_THRESHOLD_DOC = "When one batch holds more than this many upserts for "
            + "one object, they are written through a Bulk API 2.0 ingest job instead of sObject Collections; the "
            + "batch's offsets are committed only after the job has finished and its failed rows went to the DLQ. "
            + "0 disables Bulk API writes. Batches hold up to salesforce.batch.max.records per object: raise that above "
            + "this threshold for bulk loads.";
    public static final int BULK_THRESHOLD_DEFAULT = 2_000;

    public static final String BULK_TIMEOUT_MS = "salesforce.bulk.timeout.ms";
    private static final String BULK_TIMEOUT_MS_DOC = "How long a batch waits for its Bulk API job; then the job is "
            + "aborted and the batch written again (upserts are idempotent, so a retry does no harm). The batch's own "
            + "thread waits, never put(), so the consumer's max.poll.interval.ms does not bound it.";
    public static final int BULK_TIMEOUT_MS_DEFAULT = 240_000;

    public static final String BULK_POLL_INITIAL_MS = "salesforce.bulk.poll.initial.ms";
    private static final String BULK_POLL_INITIAL_MS_DOC = "Wait before the first status poll of a Bulk API job; "
            + "0.1 ms per row is added (a job takes time in proportion to its size), and later polls double the wait "
            + "up to 10 s. Each poll is one API call: set it near your org's typical job time so most jobs need one "
            + "poll.";
    public static final int BULK_POLL_INITIAL_MS_DEFAULT = 500;

    public static final String ITEM_RETRY_ATTEMPTS = "salesforce.item.retry.max.attempts";
    private static final String ITEM_RETRY_ATTEMPTS_DOC = "Attempts in all for one record's write that fails "
            + "transiently on its own (UNABLE_TO_LOCK_ROW, one 503 subrequest, a row a Bulk job left unprocessed): "
            + "only the failed records are written again, in place, never the whole batch; after the last attempt "
            + "the record goes to the dead-letter queue with its error. 1 = no retry.";
    public static final int ITEM_RETRY_ATTEMPTS_DEFAULT = 4;

    public static final String ITEM_RETRY_BACKOFF_MS = "salesforce.item.retry.backoff.ms";
    private static final String ITEM_RETRY_BACKOFF_MS_DOC = "Wait before the first in-place retry of failed "
            + "records; doubles per attempt with jitter (at most 16 times this value). With the defaults a record "
            + "is given up after about 3.5 s.";
    public static final int ITEM_RETRY_BACKOFF_MS_DEFAULT = 500;

    public static final String RETRY_BACKOFF_MS = "salesforce.retry.backoff.ms";
    private static final String RETRY_BACKOFF_MS_DOC = "First wait before Connect redelivers a batch after a transient "
            + "failure (429, 5xx, UNABLE_TO_LOCK_ROW, timeouts); doubles per attempt with jitter, honouring "
            + "Retry-After.";
    public static final int RETRY_BACKOFF_MS_DEFAULT = 1_000;

    public static final String RETRY_BACKOFF_MAX_MS = "salesforce.retry.backoff.max.ms";
    private static final String RETRY_BACKOFF_MAX_MS_DOC = "Longest wait between redeliveries after transient failures.";
    public static final int RETRY_BACKOFF_MAX_MS_DEFAULT = 60_000;

    private WritesConfig() {
    }

    public static ConfigDefBuilder addTo(ConfigDefBuilder builder) {
        return builder.group(GROUP)
                .define(CLIENT_TAG, Type.STRING, CLIENT_TAG_DEFAULT, new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        CLIENT_TAG_DOC, Width.MEDIUM, "Client tag")
                .define(BATCH_SIZE, Type.INT, BATCH_SIZE_DEFAULT, Range.between(1, 200), Importance.LOW,
                        BATCH_SIZE_DOC, Width.SHORT, "Batch size")
                .define(BULK_THRESHOLD, Type.INT, BULK_THRESHOLD_DEFAULT, Range.atLeast(0), Importance.LOW,
                        BULK_THRESHOLD_DOC, Width.SHORT, "Bulk API threshold")
                .define(BULK_TIMEOUT_MS, Type.INT, BULK_TIMEOUT_MS_DEFAULT, Range.between(1_000, 3_600_000),
                        Importance.LOW, BULK_TIMEOUT_MS_DOC, Width.SHORT, "Bulk job timeout (ms)")
                .define(BULK_POLL_INITIAL_MS, Type.INT, BULK_POLL_INITIAL_MS_DEFAULT, Range.between(10, 60_000),
                        Importance.LOW, BULK_POLL_INITIAL_MS_DOC, Width.SHORT, "Bulk job first poll (ms)")
                .define(ITEM_RETRY_ATTEMPTS, Type.INT, ITEM_RETRY_ATTEMPTS_DEFAULT, Range.between(1, 20),
                        Importance.LOW, ITEM_RETRY_ATTEMPTS_DOC, Width.SHORT, "Attempts per failed record")
                .define(ITEM_RETRY_BACKOFF_MS, Type.INT, ITEM_RETRY_BACKOFF_MS_DEFAULT, Range.between(0, 30_000),
                        Importance.LOW, ITEM_RETRY_BACKOFF_MS_DOC, Width.SHORT, "Failed record retry backoff (ms)")
                .define(RETRY_BACKOFF_MS, Type.INT, RETRY_BACKOFF_MS_DEFAULT, Range.between(10, 600_000),
                        Importance.LOW, RETRY_BACKOFF_MS_DOC, Width.SHORT, "Retry backoff (ms)")
                .define(RETRY_BACKOFF_MAX_MS, Type.INT, RETRY_BACKOFF_MAX_MS_DEFAULT, Range.between(10, 3_600_000),
                        Importance.LOW, RETRY_BACKOFF_MAX_MS_DOC, Width.SHORT, "Max retry backoff (ms)");
    }

    public static String clientTag(AbstractConfig c) {
        return c.getString(CLIENT_TAG);
    }

    public static int batchSize(AbstractConfig c) {
        return c.getInt(BATCH_SIZE);
    }

    public static int bulkThreshold(AbstractConfig c) {
        return c.getInt(BULK_THRESHOLD);
    }

    public static Duration bulkPollInitial(AbstractConfig c) {
        return Duration.ofMillis(c.getInt(BULK_POLL_INITIAL_MS));
    }

    public static Duration bulkTimeout(AbstractConfig c) {
        return Duration.ofMillis(c.getInt(BULK_TIMEOUT_MS));
    }

    public static int itemRetryAttempts(AbstractConfig c) {
        return c.getInt(ITEM_RETRY_ATTEMPTS);
    }

    public static Duration itemRetryBackoff(AbstractConfig c) {
        return Duration.ofMillis(c.getInt(ITEM_RETRY_BACKOFF_MS));
    }

    public static Duration retryBackoff(AbstractConfig c) {
        return Duration.ofMillis(c.getInt(RETRY_BACKOFF_MS));
    }

    public static Duration retryBackoffMax(AbstractConfig c) {
        return Duration.ofMillis(c.getInt(RETRY_BACKOFF_MAX_MS));
    }
}
