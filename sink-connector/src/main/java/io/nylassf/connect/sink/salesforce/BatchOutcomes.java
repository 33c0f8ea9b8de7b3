package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.salesforce.ApiBudget;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.sink.salesforce.accumulate.Accumulator;
import io.nylassf.connect.sink.salesforce.accumulate.Accumulator.Finished;
import io.nylassf.connect.sink.salesforce.pipeline.BatchResult;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Judges each finished batch: written (its dead letters reported, its offsets released), written again later
 * (transient failures and the API budget, with backoff honouring {@code Retry-After}; the batch keeps its offsets
 * back meanwhile), or the task stops (credentials, a setting the org does not match).
 */
final class BatchOutcomes {
    private static final Logger log = LoggerFactory.getLogger(BatchOutcomes.class);

    private final Accumulator accumulator;
    private final ApiBudget budget;
    private final Backoff backoff;
    private final ErrantRecordReporter reporter;
    private final SinkMetrics metrics;
    private final FieldSettings fieldSettings;
    private int attempts;

    BatchOutcomes(Accumulator accumulator, ApiBudget budget, Backoff backoff, ErrantRecordReporter reporter,
                  SinkMetrics metrics, FieldSettings fieldSettings) {
        this.accumulator = accumulator;
        this.budget = budget;
        this.backoff = backoff;
        this.reporter = reporter;
        this.metrics = metrics;
        this.fieldSettings = fieldSettings;
    }

    /** @throws ConnectException when the task cannot go on */
    void judge(List<Finished> finished, long nowMs) {
        for (Finished f : finished) {
            if (f.error() != null) {
                failed(f, f.error(), nowMs);
            } else if (f.result().needsRetry()) {
                BatchResult.Retry r = f.result().retry();
                writeAgain(f, r.reason(), r.cause(), nowMs);
            } else {
                attempts = 0;
                deadLetter(f);
                metrics.batches.incrementAndGet();
                accumulator.finish(f);
            }
        }
    }

    private void failed(Finished f, RuntimeException error, long nowMs) {
        if (error instanceof ConnectException stop) {
            throw stop; // says itself what to fix (e.g. the Nylas key attachments are downloaded with)
        }
        if (!(error instanceof ApiException e)) {
            throw new ConnectException("Unexpected failure writing a batch of " + f.records().size() + " record(s)",
                    error);
        }
        switch (e.kind()) {
            case LIMIT_EXCEEDED -> {
                budget.limitExceeded();
                metrics.flow.retried();
                accumulator.retryLater(f, nowMs, budget.checkInterval().toMillis());
            }
            case TRANSIENT, RATE_LIMITED -> writeAgain(f, e.getMessage(), e, nowMs);
            case AUTHENTICATION -> throw new ConnectException("Salesforce rejected the credentials ("
                    + e.getMessage() + "); check salesforce.auth.method, salesforce.client.id and the secret "
                    + "settings of that method", e);
            default -> throw new ConnectException(fieldSettings.explain(e), e);
        }
    }

    private void writeAgain(Finished f, String reason, ApiException cause, long nowMs) {
        attempts++;
        metrics.flow.retried();
        Duration wait = backoff.delay(attempts, cause);
        log.warn("Transient Salesforce failure (attempt {}), writing the batch of {} record(s) again in {} ms: {}",
                attempts, f.records().size(), wait.toMillis(), reason);
        accumulator.retryLater(f, nowMs, wait.toMillis());
    }

    private void deadLetter(Finished f) {
        for (BatchResult.DeadLetter d : f.result().deadLetters()) {
            SinkRecord r = d.record();
            if (!f.owns(r)) {
                continue; // its partition was revoked: the next owner writes it again
            }
            if (reporter == null) {
                throw new ConnectException("Record " + r.topic() + "-" + r.kafkaPartition() + "@" + r.kafkaOffset()
                        + " could not be written: " + d.reason() + ". Set errors.tolerance=all and "
                        + "errors.deadletterqueue.topic.name to route such records to a dead-letter queue instead "
                        + "of stopping.");
            }
            metrics.deadLettered(d.reason());
            log.warn("Record {}-{}@{} sent to the dead-letter queue: {}", r.topic(), r.kafkaPartition(),
                    r.kafkaOffset(), d.reason());
            // Connect waits for these reports before it commits the offsets released below
            reporter.report(r, new DataException(d.reason()));
        }
    }
}
