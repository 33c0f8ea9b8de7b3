package io.nylassf.connect.sink.nylas;

import io.nylassf.connect.common.metrics.DeadLetterMetrics;
import io.nylassf.connect.common.metrics.DriftMetrics;
import io.nylassf.connect.common.schema.SalesforceSchemas;
import io.nylassf.connect.sink.nylas.record.SalesforceChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.nylassf.connect.common.metrics.FlowMetrics;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.sink.nylas.exec.Outcome;
import io.nylassf.connect.sink.nylas.exec.PendingAction;
import io.nylassf.connect.sink.nylas.plan.OutboundAction;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One task's counters, published as Connect plugin metrics ({@code kafka.connect:type=plugins,connector=<name>,
 * task=<n>}; names in docs/operations.md). Counted on the task thread, read by the reporters.
 */
public final class NylasSinkMetrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NylasSinkMetrics.class);
    private final FlowMetrics flow = new FlowMetrics();
    private final AtomicLong sends = new AtomicLong();
    private final AtomicLong calendarWrites = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong loopsStopped = new AtomicLong();
    private final AtomicLong notAuthorized = new AtomicLong();
    private PluginMetricSet published = PluginMetricSet.none();
    private final DeadLetterMetrics deadLetters = new DeadLetterMetrics();
    private final DriftMetrics drift = new DriftMetrics();
    private final AtomicLong reconcileChecked = new AtomicLong();
    private final AtomicLong reconcileRepaired = new AtomicLong();

    /** Publishes the counters through {@code set}; the suppliers are read when asked. */
    public NylasSinkMetrics publish(PluginMetricSet set, Supplier<Integer> pending, Supplier<Integer> waitingForGrant,
                                    Supplier<Integer> parkedGrants) {
        published = set;
        flow.publish(set, "Records handed to the task by Connect", "Actions done in Nylas (sends and calendar writes)",
                "Actions that failed transiently and were scheduled to run again");
        deadLetters.publish(set);
        drift.publish(set);
        set.gauge("sends-total", "Messages sent through Nylas", sends::get);
        set.gauge("calendar-writes-total", "Calendar events created, updated or deleted in Nylas",
                calendarWrites::get);
        set.gauge("records-skipped-total", "Actions found already done (a send or an event write seen before)",
                skipped::get);
        set.gauge("loops-stopped-total", "Salesforce changes made by this integration, not written back to Nylas",
                loopsStopped::get);
        set.gauge("actions-not-authorized-total", "Sends and calendar writes refused as not authorized",
                notAuthorized::get);
        set.gauge("actions-pending", "Actions started or waiting to run", pending);
        set.gauge("actions-waiting-for-grant", "Actions waiting for a free slot of their grant "
                + "(nylas.max.in.flight.per.grant)", waitingForGrant);
        set.gauge("grants-parked", "Expired grants whose actions wait until the grant is valid again",
                parkedGrants);
        return this;
    }

    public void recordsIn(int n) {
        flow.in(n);
    }

    /** A change planned as nothing to do; {@code ownChange}: it came from this integration (a loop stopped). */
    public void ignored(boolean ownChange) {
        if (ownChange) {
            loopsStopped.incrementAndGet();
        }
    }

    /** An action ended with {@code outcome}. */
    public void ended(PendingAction action, Outcome outcome) {
        countDrift(action, outcome);
        switch (outcome.status()) {
            case DONE -> {
                flow.out(1);
                if (action.action() instanceof OutboundAction.Send) {
                    sends.incrementAndGet();
                } else {
                    calendarWrites.incrementAndGet();
                }
                flow.sourceTime(action.action().change().version());
            }
            case SKIPPED -> skipped.incrementAndGet();
            case RETRY -> flow.retried();
            default -> {
            }
        }
    }

    /**
     * A change a reconciliation re-read (observed_via = reconcile) that needed a write is drift repaired, counted by
     * SObject; every 1,000 such changes ended, or at each repair, the counts are logged at INFO.
     */
    private void countDrift(PendingAction action, Outcome outcome) {
        SalesforceChange c = action.action().change();
        if (!SalesforceSchemas.VIA_RECONCILE.equals(c.via()) || outcome.status() == Outcome.Status.RETRY) {
            return;
        }
        long checked = reconcileChecked.incrementAndGet();
        if (outcome.status() == Outcome.Status.DONE) {
            drift.repaired(c.sobject(), 1);
            long repaired = reconcileRepaired.incrementAndGet();
            log.info("Reconciliation: {} {} was missing or different in Nylas and is written ({}: {}); {} checked, "
                    + "{} repaired so far", c.sobject(), c.id(), action.action().getClass().getSimpleName(),
                    outcome.detail(), checked, repaired);
        } else if (checked % 1_000 == 0) {
            log.info("Reconciliation: {} Salesforce change(s) checked, {} repaired so far", checked,
                    reconcileRepaired.get());
        }
    }

    void notAuthorized() {
        notAuthorized.incrementAndGet();
    }

    void dlq(Throwable reason) {
        deadLetters.count(reason);
    }

    public long getActionsNotAuthorized() {
        return notAuthorized.get();
    }

    public long sends() {
        return sends.get();
    }

    @Override
    public void close() {
        published.close();
    }
}
