package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.common.schema.NylasSchemas;
import io.nylassf.connect.sink.record.Fields;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch's reconciliation records came to: how many it held, and which of them were written (their record was
 * missing in Salesforce or held something else), by SObject. Reconciliation records go through the same lookups and
 * conflict rules as any other; only those needing a write are written, and those are the drift repaired.
 */
final class DriftTally {
    private final long checked;
    private final Map<String, Long> repaired = new TreeMap<>();

    DriftTally(List<SinkRecord> records) {
        this.checked = records.stream().filter(DriftTally::isReconcile).count();
    }

    /** Whether a record was re-read by the Nylas source's reconciliation (observed_via = reconcile). */
    static boolean isReconcile(SinkRecord r) {
        Fields f = Fields.of(r.value());
        return f != null && NylasSchemas.VIA_RECONCILE.equals(f.str(NylasSchemas.OBSERVED_VIA));
    }

    long checked() {
        return checked;
    }

    /** Counts the successful writes of a phase that came from reconciliation records. */
    synchronized void add(Settled s) {
        if (checked == 0) {
            return;
        }
        for (Settled.Done d : s.succeeded()) {
            if (isReconcile(d.planned().item().record())) {
                repaired.merge(d.planned().op().sobject(), 1L, Long::sum);
            }
        }
    }

    synchronized Map<String, Long> repaired() {
        return Map.copyOf(repaired);
    }

    synchronized long total() {
        return repaired.values().stream().mapToLong(Long::longValue).sum();
    }
}
