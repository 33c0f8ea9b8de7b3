package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.mapping.ConflictResolver.Resolution;
import io.nylassf.connect.sink.salesforce.pipeline.BatchResult.DeadLetter;
import io.nylassf.connect.sink.salesforce.write.WriteOp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/** What a planner decided: the writes, the records to dead-letter, and what it skipped (immutable). */
record Plan(List<Planned> writes, List<DeadLetter> failures, Tally tally) {
    static final Plan EMPTY = new Plan(List.of(), List.of(), Tally.NONE);

    Plan {
        writes = List.copyOf(writes);
        failures = List.copyOf(failures);
    }

    Plan plus(Plan o) {
        Builder b = new Builder();
        b.writes.addAll(writes);
        b.writes.addAll(o.writes);
        b.failures.addAll(failures);
        b.failures.addAll(o.failures);
        b.tally = tally.plus(o.tally);
        return b.build();
    }

    /** Collects one planner run's decisions (a local of that run, never shared). */
    static final class Builder {
        private static final Logger log = LoggerFactory.getLogger(Plan.class);

        private final List<Planned> writes = new ArrayList<>();
        private final List<DeadLetter> failures = new ArrayList<>();
        private Tally tally = Tally.NONE;

        Builder write(Planned p) {
            writes.add(p);
            return this;
        }

        Builder fail(Item i, String reason) {
            failures.add(new DeadLetter(i.record(), reason));
            return this;
        }

        Builder skip() {
            tally = tally.plus(Tally.skipped(1));
            return this;
        }

        /** An UPDATE for a resolution, or nothing (and the skip counted) when there is nothing to write. */
        Builder updateOrSkip(Item i, String sobject, String id, Resolution res, Planned.Kind kind) {
            tally = tally.plus(Tally.conflicts(res.protectedFields().size()));
            switch (res.outcome()) {
                case STALE -> {
                    tally = tally.plus(Tally.conflicts(1)).plus(Tally.skipped(1));
                    log.debug("Skipping older change to {} {}", sobject, id);
                }
                case UNCHANGED -> skip();
                default -> write(new Planned(i, WriteOp.update(sobject, id, res.changes()), kind, null));
            }
            return this;
        }

        /** A record created without an owner: its grant has no active User, so the integration user owns it. */
        Builder ownerFallback(Item i) {
            tally = tally.plus(Tally.ownerFallbacks(1));
            log.debug("No Salesforce User owns grant {} ({}); the integration user owns its new record",
                    i.obj().grantId(), i.grantEmail());
            return this;
        }

        Builder stale() {
            tally = tally.plus(Tally.conflicts(1)).plus(Tally.skipped(1));
            return this;
        }

        Plan build() {
            return new Plan(writes, failures, tally);
        }
    }
}
