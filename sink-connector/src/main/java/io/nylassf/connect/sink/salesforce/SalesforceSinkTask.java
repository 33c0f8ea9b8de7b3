package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.Version;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.sink.salesforce.pipeline.BatchPipeline;
import io.nylassf.connect.sink.salesforce.pipeline.BatchResult;
import io.nylassf.connect.sink.salesforce.pipeline.BatchWriter;
import io.nylassf.connect.sink.salesforce.pipeline.LookupCache;
import io.nylassf.connect.sink.salesforce.write.ItemRetries;
import io.nylassf.connect.sink.salesforce.write.SalesforceWriter;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;

/**
 * Writes each batch to Salesforce before {@code put} returns (a bulk job included), so Connect only commits
 * offsets of written records. Bad records go to the DLQ with their error code; transient failures and the API
 * budget ask Connect to redeliver the batch later ({@code context.timeout} + {@link RetriableException}); bad
 * credentials fail the task with a message naming the settings.
 */
public class SalesforceSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(SalesforceSinkTask.class);

    private SalesforceSinkConnectorConfig config;
    private SalesforceClient client;
    private SalesforceWriter writer;
    private BatchWriter processor;
    private SinkMetrics metrics;
    private ApiBudget budget;
    private Backoff backoff;
    private ErrantRecordReporter reporter;
    private int attempts;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        SalesforceSinkTaskConfig taskConfig = new SalesforceSinkTaskConfig(props);
        config = taskConfig;
        client = new SalesforceClient(config.clientSettings());
        writer = new SalesforceWriter(client, config.batchSize(), config.bulkThreshold(), config.bulkTimeout(),
                config.bulkPollInitial());
        metrics = new SinkMetrics().register(props.get("name"), taskConfig.taskIndex(), client.limits());
        // one cache per task, outliving batches: replays and repeated senders cost no lookups
        LookupCache cache = new LookupCache(config.lookupCacheMaxEntries(), config.lookupCacheTtl());
        processor = new BatchPipeline(config, client, new ItemRetries(writer, config.itemRetryAttempts(),
                config.itemRetryBackoff()), metrics, cache);
        budget = new ApiBudget(client, config.apiReservePercent(), config.budgetCheckInterval(), Clock.systemUTC(),
                metrics);
        backoff = new Backoff(config.retryBackoff(), config.retryBackoffMax());
        reporter = errantRecordReporter();
        log.info("Salesforce sink task started ({} via {}, DLQ {})", config.connection().loginUrl(),
                config.connection().authMethod().configValue(), reporter == null ? "off" : "on");
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
        if (records.isEmpty()) {
            return;
        }
        try {
            if (!budget.hasRoom()) {
                throw pauseForBudget(null);
            }
            BatchResult outcome = processor.write(new ArrayList<>(records));
            if (outcome.needsRetry()) {
                throw retriable(outcome.retry().reason(), outcome.retry().cause());
            }
            deadLetter(outcome);
            attempts = 0;
            log.debug("Wrote a batch of {} record(s)", records.size());
        } catch (ApiException e) {
            switch (e.kind()) {
                case LIMIT_EXCEEDED -> {
                    budget.limitExceeded();
                    throw pauseForBudget(e);
                }
                case TRANSIENT, RATE_LIMITED -> throw retriable(e.getMessage(), e);
                case AUTHENTICATION -> throw new ConnectException("Salesforce rejected the credentials ("
                        + e.getMessage() + "); check salesforce.auth.method, salesforce.client.id and the secret "
                        + "settings of that method", e);
                default -> throw new ConnectException(new FieldSettings(config).explain(e), e);
            }
        }
    }

    private RetriableException pauseForBudget(ApiException cause) {
        metrics.retries.incrementAndGet();
        context.timeout(budget.checkInterval().toMillis());
        return new RetriableException("Salesforce API budget reserve reached (" + budget.describe()
                + "); the batch is redelivered when there is room", cause);
    }

    private RetriableException retriable(String reason, ApiException cause) {
        attempts++;
        metrics.retries.incrementAndGet();
        Duration wait = backoff.delay(attempts, cause);
        context.timeout(wait.toMillis());
        log.warn("Transient Salesforce failure (attempt {}), redelivering the batch in {} ms: {}", attempts,
                wait.toMillis(), reason);
        return new RetriableException("Transient Salesforce failure: " + reason, cause);
    }

    private void deadLetter(BatchResult outcome) {
        for (BatchResult.DeadLetter f : outcome.deadLetters()) {
            if (reporter == null) {
                throw new ConnectException("Record " + f.record().topic() + "-" + f.record().kafkaPartition() + "@"
                        + f.record().kafkaOffset() + " could not be written: " + f.reason() + ". Set "
                        + "errors.tolerance=all and errors.deadletterqueue.topic.name to route such records to a "
                        + "dead-letter queue instead of stopping.");
            }
            metrics.dlq.incrementAndGet();
            log.warn("Record {}-{}@{} sent to the dead-letter queue: {}", f.record().topic(),
                    f.record().kafkaPartition(), f.record().kafkaOffset(), f.reason());
            reporter.report(f.record(), new DataException(f.reason()));
        }
    }

    @Override
    public void stop() {
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
