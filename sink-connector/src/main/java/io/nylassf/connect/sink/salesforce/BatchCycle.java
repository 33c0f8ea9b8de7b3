package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.salesforce.ApiBudget;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.sink.salesforce.accumulate.Accumulator;
import io.nylassf.connect.sink.salesforce.accumulate.LingerPolicy;
import io.nylassf.connect.sink.salesforce.pipeline.BatchPipeline;
import io.nylassf.connect.sink.salesforce.pipeline.LookupCache;
import io.nylassf.connect.sink.salesforce.write.SalesforceWriter;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;

/**
 * The task's batching loop, one turn per put() or preCommit(): file new records, judge the batches that finished
 * ({@link BatchOutcomes}), start the ones that are due within the API budget, pause partitions when the buffer is
 * full, and say when the task should be called again. Task thread only.
 */
record BatchCycle(Accumulator accumulator, LingerPolicy linger, ApiBudget budget, BatchOutcomes outcomes,
                  PartitionBackpressure backpressure, SinkMetrics metrics) {
    /** How often put() is called back while batches are being written, to report them promptly. */
    static final long COLLECT_MS = 50;

    static BatchCycle start(SalesforceSinkTaskConfig config, SalesforceClient client, SalesforceWriter writer,
                            ApiBudget budget, SinkMetrics metrics, ErrantRecordReporter reporter, Clock clock, String taskName) {
        return start(config, client, writer, budget, metrics, reporter, clock, taskName, null);
    }

    /** @param nylas where attachments are downloaded from (salesforce.attachments.enabled), else null */
    static BatchCycle start(SalesforceSinkTaskConfig config, SalesforceClient client, SalesforceWriter writer,
                            ApiBudget budget, SinkMetrics metrics, ErrantRecordReporter reporter, Clock clock,
                            String taskName, NylasClient nylas) {
        // one cache per task, outliving batches: replays and repeated senders cost no lookups
        LookupCache cache = new LookupCache(config.lookupCacheMaxEntries(), config.lookupCacheTtl());
        BatchPipeline processor = new BatchPipeline(config, client, WritesConfig.itemRetries(config, writer), metrics,
                cache, nylas);
        Accumulator accumulator = new Accumulator(processor, BatchingConfig.maxInFlight(config),
                BatchingConfig.batchMaxRecords(config), "salesforce-sink-" + taskName + "-" + config.taskIndex());
        LingerPolicy linger = new LingerPolicy(BatchingConfig.lingerMs(config), BatchingConfig.lingerMaxMs(config),
                60_000, () -> BatchingConfig.dailyBudget(config, client.limits().max()).orElse(0)
                / config.taskCount(), client.limits()::callsMade);
        BatchOutcomes outcomes = new BatchOutcomes(accumulator, budget,
                config.batchBackoff(), reporter, metrics,
                new FieldSettings(config));
        return new BatchCycle(accumulator, linger, budget, outcomes,
                new PartitionBackpressure(BatchingConfig.bufferMaxRecords(config)), metrics);
    }

    void add(Collection<SinkRecord> records, long now) {
        accumulator.add(records, now);
    }

    /**
     * Judges finished batches, starts due ones, and returns how many ms until put() should be called again, or
     * -1 when nothing waits (or the thread was interrupted).
     */
    long turn(long now, SinkTaskContext context) {
        try {
            outcomes.judge(accumulator.collect(0), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        long lingerMs = linger.adjust(now);
        if (accumulator.nextDueMs(lingerMs) <= now && budget.hasRoom()) {
            accumulator.dispatch(now, lingerMs, false);
        }
        backpressure.apply(accumulator, context);
        metrics.buffered.set(accumulator.buffered());
        metrics.inFlight.set(accumulator.inFlight());
        metrics.lingerMs.set(lingerMs);
        long next = accumulator.nextDueMs(lingerMs);
        long wake = accumulator.inFlight() > 0 ? COLLECT_MS
                : next == Long.MAX_VALUE ? -1 : Math.max(COLLECT_MS, next - now);
        if (wake <= 0) {
            return -1;
        }
        return budget.paused() ? Math.max(wake, budget.checkInterval().toMillis()) : wake;
    }

    /** Offsets of records whose writes are final. */
    Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> current) {
        return accumulator.committable(current);
    }

    /** Revoked partitions: returns how many lingering records were left for their next owner. */
    int close(Collection<TopicPartition> partitions) {
        backpressure.forget(partitions);
        return accumulator.close(partitions);
    }

    long lingerMs() {
        return linger.currentMs();
    }

    /** Waits up to {@code waitMs} for the batches being written, then stops the writer threads. */
    void stop(Clock clock, long waitMs) {
        long deadline = clock.millis() + waitMs;
        try {
            while (accumulator.inFlight() > 0 && clock.millis() < deadline) {
                accumulator.collect(deadline - clock.millis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        accumulator.close();
    }
}
