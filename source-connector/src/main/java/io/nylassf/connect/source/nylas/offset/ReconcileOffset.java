package io.nylassf.connect.source.nylas.offset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where a grant's reconciliation stands: the start (Unix seconds) of its last finished run. The source partition is
 * {@code {"grant": "<id>", "reconcile": "all"}} (no {@code object}: one reconciliation covers every object of the
 * grant), the offset {@code {"v": 1, "last_run": <seconds>}}. A restart runs the grant's next reconciliation one
 * interval after {@code last_run}; it neither repeats a finished run nor skips one.
 */
public record ReconcileOffset(long lastRunSeconds) {
    public static final int VERSION = 1;
    public static final String RECONCILE = "reconcile";
    public static final String ALL = "all";
    public static final String LAST_RUN = "last_run";
    private static final Set<String> PARTITION_KEYS = Set.of(StreamPartition.GRANT, RECONCILE);
    private static final Set<String> KEYS = Set.of(SourceOffset.VERSION_KEY, LAST_RUN);

    public ReconcileOffset {
        if (lastRunSeconds < 0) {
            throw new IllegalArgumentException("last_run must not be negative");
        }
    }

    public static Map<String, String> partition(String grantId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(StreamPartition.GRANT, grantId);
        m.put(RECONCILE, ALL);
        return m;
    }

    /** Whether a submitted partition is a reconciliation's (it names {@code reconcile}). */
    public static boolean isPartition(Map<String, ?> map) {
        return map != null && map.containsKey(RECONCILE);
    }

    /** Validates a reconciliation partition (e.g. from PATCH /offsets); returns its grant. */
    public static String grantOf(Map<String, ?> map) {
        if (map == null || !PARTITION_KEYS.equals(map.keySet())) {
            throw new IllegalArgumentException("a reconciliation partition is {\"grant\": \"<id>\", \"reconcile\": "
                    + "\"all\"}");
        }
        if (!ALL.equals(map.get(RECONCILE)) || !(map.get(StreamPartition.GRANT) instanceof String g) || g.isBlank()) {
            throw new IllegalArgumentException("a reconciliation partition needs a grant and \"reconcile\": \"all\"");
        }
        return g;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(SourceOffset.VERSION_KEY, VERSION);
        m.put(LAST_RUN, lastRunSeconds);
        return m;
    }

    /** Reads a stored or submitted offset; null for null (no run yet). */
    public static ReconcileOffset fromMap(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        for (String k : map.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown reconciliation offset key '" + k + "' (expected " + KEYS
                        + ")");
            }
        }
        Object v = map.get(SourceOffset.VERSION_KEY);
        if (!(v instanceof Number n) || n.longValue() != VERSION || n.doubleValue() != n.longValue()) {
            throw new IllegalArgumentException("offset '" + SourceOffset.VERSION_KEY + "' must be " + VERSION);
        }
        Object t = map.get(LAST_RUN);
        if (!(t instanceof Number w) || w.doubleValue() != w.longValue() || w.longValue() < 0
                || w.longValue() > 100_000_000_000L) {
            throw new IllegalArgumentException("offset '" + LAST_RUN + "' must be a non-negative integer of Unix "
                    + "seconds");
        }
        return new ReconcileOffset(w.longValue());
    }
}
