package io.nylassf.connect.source.salesforce;

import io.nylassf.connect.common.http.Backoff;
import io.nylassf.connect.source.nylas.ReconcileConfig;
import io.nylassf.connect.source.salesforce.mapping.ChangeRecordMapper;
import io.nylassf.connect.source.salesforce.mapping.ChangeRow;
import io.nylassf.connect.source.salesforce.read.CompositeWindows;
import io.nylassf.connect.source.salesforce.read.ObjectReader;
import io.nylassf.connect.source.salesforce.read.ObjectReconciler;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The task's reconciliations (Tasks and Events only: what the Nylas sink acts on), riding in its polls: a due
 * reconciliation's window is added to a Composite call the poll makes anyway, in the query subrequests left free
 * ({@link CompositeWindows#MAX_QUERIES_PER_CALL} per call), so reconciling costs no call of its own and stays under
 * the same API reserve. Rows become records with observed_via {@code reconcile}; the run's last record carries its
 * offset (the run's other records carry the previous one, or none before the first run).
 */
final class Reconciliations {
    private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);
    private static final Set<String> RECONCILED = Set.of("task", "event");

    private final List<ObjectReconciler> reconcilers = new ArrayList<>();
    private final Map<ObjectReader, ObjectReconciler> riding = new IdentityHashMap<>();
    private final Map<ObjectReconciler, Long> runRows = new IdentityHashMap<>();
    private final Backoff backoff;
    private int lookbackDays;

    Reconciliations(SalesforceSourceTaskConfig config, OffsetStorageReader offsets, long nowMs, Backoff backoff) {
        this.backoff = backoff;
        ReconcileConfig.Settings s = SalesforceReconcileConfig.settings(config);
        if (!s.enabled()) {
            return;
        }
        lookbackDays = s.lookbackDays();
        for (String sobject : config.taskObjects()) {
            if (!RECONCILED.contains(sobject.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Instant last = null;
            try {
                last = ObjectReconciler.lastRun(offsets.offset(ObjectReconciler.partition(sobject)));
            } catch (IllegalArgumentException e) {
                log.warn("{}: ignoring an unreadable reconciliation offset ({})", sobject, e.getMessage());
            }
            reconcilers.add(new ObjectReconciler(sobject, config.fields().select(sobject), s.intervalMs(),
                    s.lookbackDays() * 86_400_000L, config.batchSize(), config.readLagMs(), last, nowMs));
        }
    }

    /** The reconciliation windows to add to a poll reading {@code due} windows: only where a call has room. */
    List<ObjectReader> riders(List<ObjectReader> due, long nowMs) {
        riding.clear();
        int room = due.isEmpty() ? 0 : (CompositeWindows.MAX_QUERIES_PER_CALL
                - due.size() % CompositeWindows.MAX_QUERIES_PER_CALL) % CompositeWindows.MAX_QUERIES_PER_CALL;
        List<ObjectReader> out = new ArrayList<>();
        for (ObjectReconciler r : reconcilers) {
            if (out.size() >= room) {
                break;
            }
            ObjectReader reader = r.due(nowMs);
            if (reader != null) {
                if (!runRows.containsKey(r)) {
                    runRows.put(r, 0L);
                    log.info("{}: reconciling what changed in the last {} day(s)", r.sobject(), lookbackDays);
                }
                riding.put(reader, r);
                out.add(reader);
            }
        }
        return out;
    }

    boolean rides(ObjectReader reader) {
        return riding.containsKey(reader);
    }

    /**
     * Maps a reconciliation window's outcome to records ({@code keep} says which rows are written: own changes may
     * be skipped as in the normal reads), or backs off after a failure.
     */
    void read(CompositeWindows.Outcome o, long nowMs, ChangeRecordMapper mapper, Predicate<ChangeRow> keep,
              Predicate<ChangeRow> own, Instant observedAt, List<SourceRecord> out) {
        ObjectReconciler r = riding.get(o.reader());
        if (o.failure() != null) {
            long wait = backoff.delay(o.reader().failures() + 1, o.failure()).toMillis();
            r.failed(nowMs, wait);
            log.info("{}: a reconciliation window failed ({}); trying again in {} ms", r.sobject(),
                    o.failure().getMessage(), wait);
            return;
        }
        Instant before = r.lastRun();
        Map<String, ?> partition = ObjectReconciler.partition(r.sobject());
        Map<String, ?> previous = before == null ? null : ObjectReconciler.offset(before);
        List<ChangeRow> kept = o.rows().stream().filter(keep).toList();
        boolean ended = r.rowsRead(nowMs);
        runRows.merge(r, (long) kept.size(), Long::sum);
        for (int i = 0; i < kept.size(); i++) {
            boolean last = ended && i == kept.size() - 1;
            Map<String, ?> offset = last ? ObjectReconciler.offset(r.lastRun()) : previous;
            out.add(mapper.toReconciled(kept.get(i), own.test(kept.get(i)), observedAt,
                    offset == null ? null : partition, offset));
        }
        if (ended) {
            log.info("{}: reconciliation re-emitted {} record(s)", r.sobject(), runRows.remove(r));
        }
    }
}
