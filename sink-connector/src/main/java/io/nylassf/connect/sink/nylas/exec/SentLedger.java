package io.nylassf.connect.sink.nylas.exec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Tasks this task saw sent (Task id → highest version sent), bounded: beyond {@code capacity} the least
 * recently used entry is forgotten. Forgetting only costs a metadata lookup (and the Idempotency-Key still
 * guards the send), so the bound never risks a second send. Thread-safe.
 */
public final class SentLedger {
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, Long> sent;

    public SentLedger(int capacity) {
        this.sent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The highest version of this Task known to be sent, or null. */
    public synchronized Long get(String taskId) {
        return sent.get(taskId);
    }

    public synchronized void record(String taskId, long version) {
        sent.merge(taskId, version, Math::max);
    }

    public synchronized int size() {
        return sent.size();
    }
}
