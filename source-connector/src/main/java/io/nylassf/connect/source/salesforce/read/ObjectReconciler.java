package io.nylassf.connect.source.salesforce.read;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One SObject's scheduled reconciliation: every {@code intervalMs}, the rows whose {@code SystemModstamp} falls in
 * the last {@code lookbackMs} are read again, window by window, by a fresh {@link ObjectReader} (keyset paging on
 * {@code (SystemModstamp, Id)}, as the normal reads). The task lets its windows ride in the Composite call a poll
 * makes anyway, in the query subrequests left free, so a run costs no call of its own.
 *
 * <p>The run's last row carries the offset {@code last_run = run start} (see {@link #rowsRead}); a restart runs the
 * next reconciliation one interval after it, neither repeating a finished run nor skipping one.
 */
public final class ObjectReconciler {
    public static final String PARTITION_KEY = "reconcile";
    public static final String LAST_RUN = "last_run";
    private static final int VERSION = 1;

    private final String sobject;
    private final List<String> fields;
    private final long intervalMs;
    private final long lookbackMs;
    private final int limit;
    private final long lagMs;
    private Instant lastRun;
    private long dueAtMs;
    private ObjectReader run;
    private long runStartMs;

    /**
     * @param lastRun   the stored last run, or null: then the first run is one interval after {@code startedMs} (the
     *                  normal reads have just read from {@code salesforce.start.from}; there is no drift yet)
     */
    public ObjectReconciler(String sobject, List<String> fields, long intervalMs, long lookbackMs, int limit,
                            long lagMs, Instant lastRun, long startedMs) {
        this.sobject = sobject;
        this.fields = List.copyOf(fields);
        this.intervalMs = intervalMs;
        this.lookbackMs = lookbackMs;
        this.limit = limit;
        this.lagMs = lagMs;
        this.lastRun = lastRun;
        this.dueAtMs = (lastRun != null ? lastRun.toEpochMilli() : startedMs) + intervalMs;
    }

    public String sobject() {
        return sobject;
    }

    public static Map<String, Object> partition(String sobject) {
        return Map.of(PARTITION_KEY, sobject);
    }

    /** Whether a submitted partition is a reconciliation's; validates it then. */
    public static boolean isPartition(Map<String, ?> partition) {
        if (partition == null || !partition.containsKey(PARTITION_KEY)) {
            return false;
        }
        if (partition.size() != 1 || !(partition.get(PARTITION_KEY) instanceof String s)
                || !s.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a reconciliation partition is {\"" + PARTITION_KEY
                    + "\": \"<SObject>\"}, not " + partition);
        }
        return true;
    }

    public static Map<String, Object> offset(Instant lastRun) {
        return Map.of("v", VERSION, LAST_RUN, lastRun.toString());
    }

    /** Reads a stored or submitted offset (null: never run); IllegalArgumentException saying what is wrong. */
    public static Instant lastRun(Map<String, ?> offset) {
        if (offset == null) {
            return null;
        }
        for (String k : offset.keySet()) {
            if (!k.equals("v") && !k.equals(LAST_RUN)) {
                throw new IllegalArgumentException("unknown reconciliation offset key '" + k + "'; expected v, "
                        + LAST_RUN);
            }
        }
        if (!(offset.get("v") instanceof Number n && n.intValue() == VERSION)) {
            throw new IllegalArgumentException("reconciliation offset 'v' must be " + VERSION);
        }
        if (!(offset.get(LAST_RUN) instanceof String s)) {
            throw new IllegalArgumentException(LAST_RUN + " must be an ISO-8601 instant string");
        }
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(LAST_RUN + " '" + s + "' is not an ISO-8601 instant", e);
        }
    }

    /** The reader of the run in progress, starting one when it is due; null when nothing is due. */
    public ObjectReader due(long nowMs) {
        if (run == null) {
            if (nowMs < dueAtMs) {
                return null;
            }
            runStartMs = nowMs;
            run = new ObjectReader(sobject, fields, null, Instant.ofEpochMilli(nowMs - lookbackMs), limit, lagMs);
        }
        return run.dueAtMs() <= nowMs ? run : null;
    }

    /** The run's last completed start, or null. */
    public Instant lastRun() {
        return lastRun;
    }

    /**
     * After a window of the run was read: whether the run ended with it (then {@code lastRun} is its start, and
     * its last row is the one to carry {@link #offset}).
     */
    public boolean rowsRead(long nowMs) {
        if (!run.caughtUp()) {
            run.schedule(nowMs, 0);
            return false;
        }
        lastRun = Instant.ofEpochMilli(runStartMs);
        dueAtMs = runStartMs + intervalMs;
        run = null;
        return true;
    }

    /** A window of the run failed: the run waits {@code backoffMs}, then goes on where it was. */
    public void failed(long nowMs, long backoffMs) {
        if (run != null) {
            run.failed(nowMs, backoffMs);
        }
    }
}
