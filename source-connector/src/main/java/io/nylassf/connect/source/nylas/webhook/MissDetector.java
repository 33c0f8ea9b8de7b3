package io.nylassf.connect.source.nylas.webhook;

import io.nylassf.connect.common.schema.NylasSchemas;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells changes that webhooks announced from those only a windowed read found (misses). It remembers the objects
 * of recent notifications (bounded). A window record of an object nothing announced becomes a suspect, if its
 * change happened after this task started (older ones predate the subscription or the task); a suspect still
 * unannounced {@code graceMs} after its change (a notification may have been on its way) is a miss. Only the task
 * hosting the endpoint sees the notifications, so only it can tell misses, for the grants it reads.
 */
public final class MissDetector {
    private final long startedMs;
    private final long graceMs;
    private final Map<String, Boolean> announced;
    /** Suspects by object, with the time they become misses. */
    private final Map<String, Long> suspects;

    public MissDetector(long startedMs, long graceMs, int capacity) {
        this.startedMs = startedMs;
        this.graceMs = graceMs;
        this.announced = bounded(capacity);
        this.suspects = bounded(capacity);
    }

    /** A record made from a notification: its object was announced. */
    public synchronized void announced(SourceRecord r) {
        String key = key(r);
        if (key != null) {
            announced.put(key, Boolean.TRUE);
            suspects.remove(key);
        }
    }

    /**
     * A record a window read made: a suspect when no notification announced its recent change. A reconciliation's
     * record is none: it re-reads what was delivered days ago, which says nothing about webhooks.
     */
    public synchronized void found(SourceRecord r) {
        String key = key(r);
        if (key == null || announced.containsKey(key) || !(r.value() instanceof Struct v)
                || v.schema().field(NylasSchemas.OBSERVED_VIA) != null
                && NylasSchemas.VIA_RECONCILE.equals(v.getString(NylasSchemas.OBSERVED_VIA))
                || v.schema().field(NylasSchemas.MODIFIED_AT) == null
                || !(v.get(NylasSchemas.MODIFIED_AT) instanceof Date changed) || changed.getTime() < startedMs) {
            return;
        }
        suspects.putIfAbsent(key, changed.getTime() + graceMs);
    }

    /** The suspects whose grace has passed unannounced: misses, counted once. */
    public synchronized int misses(long nowMs) {
        int n = 0;
        for (Iterator<Long> it = suspects.values().iterator(); it.hasNext(); ) {
            if (it.next() <= nowMs) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    private static String key(SourceRecord r) {
        if (!(r.key() instanceof Struct k) || k.schema().field("id") == null) {
            return null;
        }
        return k.getString("grant_id") + "/" + k.getString("object") + "/" + k.getString("id");
    }

    private static <V> Map<String, V> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
