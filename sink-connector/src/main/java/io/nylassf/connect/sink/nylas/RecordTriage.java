package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.sink.nylas.exec.OutcomeRouter.Rejected;
import io.nylassf.connect.sink.nylas.exec.PendingAction;
import io.nylassf.connect.sink.nylas.plan.OutboundAction;
import io.nylassf.connect.sink.nylas.plan.OutboundPlanner;
import io.nylassf.connect.sink.nylas.record.ChangeDecoder;
import io.nylassf.connect.sink.nylas.record.SalesforceChange;
import io.nylassf.connect.sink.record.RecordDecodeException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Decodes and plans one record: each change becomes an action to run, nothing (ignored), or the record's DLQ entry.
 * Anything malformed is that record's DLQ entry, never the batch's failure. Task thread only.
 */
final class RecordTriage {
    private static final Logger log = LoggerFactory.getLogger(RecordTriage.class);

    private final ChangeDecoder decoder;
    private final OutboundPlanner planner;
    private final NylasSinkMetrics metrics;
    private long ignored;

    RecordTriage(ChangeDecoder decoder, OutboundPlanner planner, NylasSinkMetrics metrics) {
        this.decoder = decoder;
        this.planner = planner;
        this.metrics = metrics;
    }

    /** Adds the record's actions to {@code work}, or its reason for the DLQ to {@code rejected}. */
    void triage(SinkRecord r, long now, List<PendingAction> work, List<Rejected> rejected) {
        try {
            for (SalesforceChange c : decoder.decode(r)) {
                OutboundAction a = planner.plan(c);
                if (a instanceof OutboundAction.Ignore i) {
                    ignored++;
                    metrics.ignored(c.ownChange());
                    log.trace("{} {}: ignored, {}", c.sobject(), c.id(), i.reason());
                } else if (a instanceof OutboundAction.Refused f) {
                    rejected.add(new Rejected(r, new NotAuthorizedException(f.reason()), taskId(c)));
                } else if (a instanceof OutboundAction.Invalid i) {
                    rejected.add(new Rejected(r, new DataException(c.sobject() + " " + c.id() + ": " + i.reason()),
                            taskId(c)));
                } else {
                    work.add(PendingAction.fresh(r, a, now));
                }
            }
        } catch (RuntimeException e) {
            String why = e instanceof RecordDecodeException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            rejected.add(new Rejected(r, new DataException("malformed record " + r.topic() + "-" + r.kafkaPartition()
                    + "@" + r.kafkaOffset() + ": " + why, e)));
        }
    }

    /** A Task refused or invalid here was planned as a send (the only Task action): its status shows why. */
    private static String taskId(SalesforceChange c) {
        return "task".equalsIgnoreCase(c.sobject()) ? c.id() : null;
    }

    /** Changes the planner chose to ignore since the task started. */
    long ignored() {
        return ignored;
    }
}
