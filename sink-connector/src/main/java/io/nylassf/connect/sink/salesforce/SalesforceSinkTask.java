package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.Version;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.config.ApiBudgetConfig;
import io.nylassf.connect.common.config.NylasConnectionConfig;
import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.connect.common.salesforce.ApiBudget;
import io.nylassf.connect.common.salesforce.SalesforceClient;
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
import java.util.Map;
import java.util.Set;

/**
 * Accumulates records across {@code put()} calls into full batches (or until the linger passes), writes several
 * batches at once on background threads, and commits through {@link #preCommit} only the offsets of records whose
 * writes are final. {@code put()} never waits for Salesforce: each call is one turn of the {@link BatchCycle}
 * (file the new records, judge the batches that finished, start the ones that are due) and asks Connect to call
 * again when the next one will be ({@code context.timeout}). A full buffer pauses the partitions instead of
 * blocking ({@link PartitionBackpressure}).
 */
public class SalesforceSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(SalesforceSinkTask.class);
    private static final long STOP_WAIT_MS = 4_000;

    private final Clock clock = Clock.systemUTC();
    private SalesforceClient client;
    private SalesforceWriter writer;
    private NylasClient nylas;
    private SinkMetrics metrics;
    private BatchCycle cycle;
    private volatile ConnectException failure;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        SalesforceSinkTaskConfig config = new SalesforceSinkTaskConfig(props);
        client = new SalesforceClient(config.clientSettings());
        writer = new SalesforceWriter(client, config.batchSize(),
                WritesConfig.bulkPolicy(config));
        ApiBudget budget = new ApiBudget(client, ApiBudgetConfig.reserve(config), clock, "writes");
        metrics = new SinkMetrics().publish(PluginMetricSet.of(() -> context == null ? null
                : context.pluginMetrics()), client, budget);
        ErrantRecordReporter reporter = errantRecordReporter();
        nylas = AttachmentsConfig.enabled(config) ? nylasClient(AttachmentsConfig.nylas(config)) : null;
        cycle = BatchCycle.start(config, client, writer, budget, metrics, reporter, clock, props.get("name"), nylas);
        failure = null;
        log.info("Salesforce sink task started ({} via {}, DLQ {}, linger {} ms, {} batch(es) in flight)",
                config.connection().loginUrl(), config.connection().authMethod().configValue(),
                reporter == null ? "off" : "on", cycle.lingerMs(), BatchingConfig.maxInFlight(config));
    }

    private static NylasClient nylasClient(NylasConnectionConfig c) {
        return new NylasClient(c.apiUrl(), c.apiKey().value(), c.requestTimeout());
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
        cycle.add(records, now);
        try {
            step(now);
        } catch (ConnectException e) {
            failure = e;
            throw e;
        }
    }

    /** One turn of the cycle, then the next call scheduled. */
    void step(long now) {
        long wake = cycle.turn(now, context);
        if (wake > 0 && context != null) {
            context.timeout(wake);
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
        Map<TopicPartition, OffsetAndMetadata> offsets = cycle.committable(current);
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
        if (cycle != null) {
            int dropped = cycle.close(partitions);
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
        if (cycle != null) {
            cycle.stop(clock, STOP_WAIT_MS);
        }
        if (writer != null) {
            writer.close();
        }
        if (client != null) {
            client.close();
        }
        if (nylas != null) {
            nylas.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        log.info("Salesforce sink task stopped");
    }
}
