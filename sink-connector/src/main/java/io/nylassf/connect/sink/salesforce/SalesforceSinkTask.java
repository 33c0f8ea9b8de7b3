package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.Version;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.sink.salesforce.accumulate.Accumulator;
import io.nylassf.connect.sink.salesforce.accumulate.LingerPolicy;
import io.nylassf.connect.sink.salesforce.pipeline.BatchPipeline;
import io.nylassf.connect.sink.salesforce.pipeline.LookupCache;
import io.nylassf.connect.sink.salesforce.write.ItemRetries;
import io.nylassf.connect.sink.salesforce.write.SalesforceWriter;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Accumulates records across {@code put()} calls into full batches (or until the linger passes), writes several
 * batches at once on background threads, and commits through {@link #preCommit} only the offsets of records whose
 * writes are final. {@code put()} never waits for Salesforce: it files the new records, judges the batches that
 * finished ({@link BatchOutcomes}), starts the ones that are due, and asks Connect to call again when the next
 * one will be ({@code context.timeout}). A full buffer pauses the partitions instead of blocking.
 */
public class SalesforceSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(SalesforceSinkTask.class);
    /** How often put() is called back while batches are being written, to report them promptly. */
    static final long COLLECT_MS = 50;
    private static final long STOP_WAIT_MS = 4_000;

    private final Clock clock = Clock.systemUTC();
    private SalesforceSinkTaskConfig config;
    private SalesforceClient client;
    private SalesforceWriter writer;
    private SinkMetrics metrics;
    private ApiBudget budget;
    private Accumulator accumulator;
    private LingerPolicy linger;
    private BatchOutcomes outcomes;
    private final Set<TopicPartition> paused = new HashSet<>();
    private volatile ConnectException failure;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new SalesforceSinkTaskConfig(props);
        client = new SalesforceClient(config.clientSettings());
        writer = new SalesforceWriter(client, config.batchSize(), config.bulkThreshold(), config.bulkTimeout(),
                config.bulkPollInitial());
        metrics = new SinkMetrics().publish(PluginMetricSet.of(() -> context == null ? null
                : context.pluginMetrics()), client, config.apiReservePercent());
        // one cache per task, outliving batches: replays and repeated senders cost no lookups
        LookupCache cache = new LookupCache(config.lookupCacheMaxEntries(), config.lookupCacheTtl());
        BatchPipeline processor = new BatchPipeline(config, client, new ItemRetries(writer,
                config.itemRetryAttempts(), config.itemRetryBackoff()), metrics, cache);
        budget = new ApiBudget(client, config.apiReservePercent(), config.budgetCheckInterval(), clock, metrics);
        accumulator = new Accumulator(processor, BatchingConfig.maxInFlight(config),
                BatchingConfig.batchMaxRecords(config), "salesforce-sink-" + props.get("name") + "-"
                + config.taskIndex());
        linger = new LingerPolicy(BatchingConfig.lingerMs(config), BatchingConfig.lingerMaxMs(config), 60_000,
                () -> BatchingConfig.dailyBudget(config, client.limits().max()).orElse(0) / config.taskCount(),
                client.limits()::callsMade);
        ErrantRecordReporter reporter = errantRecordReporter();
        outcomes = new BatchOutcomes(accumulator, budget, new Backoff(config.retryBackoff(), config.retryBackoffMax()),
                reporter, metrics, new FieldSettings(config));
        failure = null;
        log.info("Salesforce sink task started ({} via {}, DLQ {}, linger {} ms, {} batch(es) in flight)",
                config.connection().loginUrl(), config.connection().authMethod().configValue(),
                reporter == null ? "off" : "on", linger.currentMs(), BatchingConfig.maxInFlight(config));
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context == null ? null : context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a Connect runtime older than 2.6
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (failure != null) {
            throw failure;
        }
        long now = clock.millis();
        metrics.flow.in(records.size());
        accumulator.add(records, now);
        try {
            step(now);
        } catch (ConnectException e) {
            failure = e;
            throw e;
        }
    }

    /** Judges finished batches, starts due ones, and schedules the next call. */
    void step(long now) {
        try {
            outcomes.judge(accumulator.collect(0), now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long lingerMs = linger.adjust(now);
        if (accumulator.nextDueMs(lingerMs) <= now && budget.hasRoom()) {
            accumulator.dispatch(now, lingerMs, false);
        }
        applyBackpressure();
        metrics.buffered.set(accumulator.buffered());
        metrics.inFlight.set(accumulator.inFlight());
        metrics.lingerMs.set(lingerMs);
        long next = accumulator.nextDueMs(lingerMs);
        long wake = accumulator.inFlight() > 0 ? COLLECT_MS
                : next == Long.MAX_VALUE ? -1 : Math.max(COLLECT_MS, next - now);
        if (wake > 0 && context != null) {
            context.timeout(budget.paused() ? Math.max(wake, budget.checkInterval().toMillis()) : wake);
        }
    }

    /** A full buffer pauses the partitions it holds records of; half empty, they resume. */
    private void applyBackpressure() {
        int max = BatchingConfig.bufferMaxRecords(config);
        if (paused.isEmpty() && accumulator.buffered() >= max) {
            paused.addAll(accumulator.bufferedPartitions());
            log.info("{} records wait to be written: pausing {} partition(s)", accumulator.buffered(), paused.size());
            context.pause(paused.toArray(new TopicPartition[0]));
        } else if (!paused.isEmpty() && accumulator.buffered() < max / 2) {
            context.resume(paused.toArray(new TopicPartition[0]));
            paused.clear();
        }
    }

    /**
     * Offsets of records whose writes are final. Never throws: Connect would rewind the consumer and deliver the
     * buffered records a second time; a fatal failure surfaces at the next {@code put()} instead.
     */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> current) {
        if (failure == null) {
            try {
                step(clock.millis());
            } catch (ConnectException e) {
                failure = e;
            }
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = accumulator.committable(current);
        Set<TopicPartition> assigned = assignment();
        if (!assigned.isEmpty()) {
            // Connect's current map can still name partitions revoked in a cooperative rebalance
            offsets.keySet().retainAll(assigned);
        }
        return offsets;
    }

    private Set<TopicPartition> assignment() {
        try {
            return context == null ? Set.of() : context.assignment();
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    /** Revoked partitions: their lingering records are left uncommitted for the next owner, never reported. */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (accumulator != null) {
            int dropped = accumulator.close(partitions);
            paused.removeAll(partitions);
            if (dropped > 0) {
                log.info("Partitions {} revoked: {} lingering record(s) left for their next owner", partitions,
                        dropped);
            }
        }
    }

    SinkMetrics metrics() {
        return metrics;
    }

    @Override
    public void stop() {
        if (accumulator != null) {
            long deadline = clock.millis() + STOP_WAIT_MS;
            try {
                while (accumulator.inFlight() > 0 && clock.millis() < deadline) {
                    accumulator.collect(deadline - clock.millis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            accumulator.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (client != null) {
            client.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        log.info("Salesforce sink task stopped");
    }
}
