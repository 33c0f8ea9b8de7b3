package io.nylassf.connect.sink.salesforce.write;

import java.time.Duration;

/**
 * When a group of writes goes through Bulk API 2.0 instead of Collections, and how its job is waited for.
 *
 * @param threshold   upserts or updates in one group above which a Bulk job is used (0: never)
 * @param timeout     how long the job may run before it is aborted and the batch is written again later
 * @param pollInitial the first wait between two polls of the job; later waits grow with its size
 */
public record BulkPolicy(int threshold, Duration timeout, Duration pollInitial) {
    public static final Duration DEFAULT_POLL_INITIAL = Duration.ofMillis(500);

    public BulkPolicy(int threshold, Duration timeout) {
        this(threshold, timeout, DEFAULT_POLL_INITIAL);
    }

    boolean applies(int groupSize) {
        return threshold > 0 && groupSize > threshold;
    }
}
