package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.sink.nylas.exec.OutcomeRouter.Rejected;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Hands the records that cannot be written to the {@link ErrantRecordReporter} and waits for the reports, so an
 * offset is never committed before its record's report is written. Without a DLQ the task fails, except for
 * refusals. Task thread only.
 */
final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final ErrantRecordReporter reporter;
    private final NylasSinkMetrics metrics;

    DeadLetters(ErrantRecordReporter reporter, NylasSinkMetrics metrics) {
        this.reporter = reporter;
        this.metrics = metrics;
    }

    void report(List<Rejected> reports) {
        if (reports.isEmpty()) {
            return;
        }
        for (Rejected r : reports) {
            if (r.reason() instanceof NotAuthorizedException) {
                metrics.notAuthorized();
            }
        }
        if (reporter == null) {
            // a refusal is a decision, not a failure: without a DLQ it is logged and counted, so nobody can stop
            // the connector by writing a record they may not send
            List<Rejected> failures = new ArrayList<>();
            for (Rejected r : reports) {
                if (r.reason() instanceof NotAuthorizedException) {
                    log.warn("Refused (no DLQ configured): {}", r.reason().getMessage());
                } else {
                    failures.add(r);
                }
            }
            if (!failures.isEmpty()) {
                throw new ConnectException(failures.size() + " record(s) cannot be written and no dead-letter "
                        + "queue is available; first: " + failures.get(0).reason().getMessage(),
                        failures.get(0).reason());
            }
            return;
        }
        List<Future<Void>> acks = new ArrayList<>();
        for (Rejected r : reports) {
            log.warn("To the DLQ: {}", r.reason().getMessage());
            acks.add(reporter.report(r.record(), r.reason()));
            metrics.dlq(r.reason());
        }
        for (Future<Void> f : acks) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetriableException("interrupted while reporting to the DLQ", e);
            } catch (ExecutionException e) {
                throw new ConnectException("could not write to the dead-letter queue", e.getCause());
            }
        }
    }
}
