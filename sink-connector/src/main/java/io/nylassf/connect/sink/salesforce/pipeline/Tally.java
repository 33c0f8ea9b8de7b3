package io.nylassf.connect.sink.salesforce.pipeline;

import io.nylassf.connect.sink.salesforce.SinkMetrics;

/** Counts a step made, for the task's metrics; immutable, so steps return them instead of touching the metrics. */
record Tally(long created, long updated, long linked, long skipped, long conflicts, long ownerFallbacks) {
    static final Tally NONE = new Tally(0, 0, 0, 0, 0);

    Tally(long created, long updated, long linked, long skipped, long conflicts) {
        this(created, updated, linked, skipped, conflicts, 0);
    }

    Tally plus(Tally o) {
        return new Tally(created + o.created, updated + o.updated, linked + o.linked, skipped + o.skipped,
                conflicts + o.conflicts, ownerFallbacks + o.ownerFallbacks);
    }

    /** Records created for the integration user because their grant has no User. */
    static Tally ownerFallbacks(long n) {
        return new Tally(0, 0, 0, 0, 0, n);
    }

    static Tally skipped(long n) {
        return new Tally(0, 0, 0, n, 0);
    }

    static Tally conflicts(long n) {
        return new Tally(0, 0, 0, 0, n);
    }

    void addTo(SinkMetrics m) {
        m.count(created, updated, linked, skipped, conflicts);
        if (ownerFallbacks > 0) {
            m.ownerFallbacks(ownerFallbacks);
        }
    }
}
