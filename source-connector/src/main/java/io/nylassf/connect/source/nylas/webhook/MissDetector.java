package io.nylassf.connect.source.nylas.webhook;

import io.nylassf.connect.common.schema.NylasSchemas;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells changes that webhooks announced from those only a windowed read found (misses). It remembers the objects
 * of recent notifications (bounded); a window record counts as a miss when nothing announced its object, its change
 * happened after this task started (older ones predate the subscription or the task) and at least {@code graceMs}
 * before the read (a notification could still have been on its way). Only the task hosting the endpoint sees the
 * notifications, so only it can tell misses, for the grants it reads.
 */
public final class MissDetector {
    private final long startedMs;
    private final long graceMs;
    private final Map<String, Boolean> announced;

    public MissDetector(long startedMs, long graceMs, int capacity) {
        this.startedMs = startedMs;
        this.graceMs = graceMs;
        this.announced = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A record made from a notification: its object was announced. */
    public synchronized void announced(SourceRecord r) {
        String key = key(r);
        if (key != null) {
            announced.put(key, Boolean.TRUE);
        }
    }

    /** Whether a record a window read made is a change no notification announced. */
    public synchronized boolean missed(SourceRecord r, long nowMs) {
        String key = key(r);
        if (key == null || announced.containsKey(key) || !(r.value() instanceof Struct v)) {
            return false;
        }
        Object modified = v.schema().field(NylasSchemas.MODIFIED_AT) == null ? null : v.get(NylasSchemas.MODIFIED_AT);
        if (!(modified instanceof Date d)) {
            return false;
        }
        long at = d.getTime();
        return at >= startedMs && at <= nowMs - graceMs;
    }

    private static String key(SourceRecord r) {
        if (!(r.key() instanceof Struct k) || k.schema().field("id") == null) {
            return null;
        }
        return k.getString("grant_id") + "/" + k.getString("object") + "/" + k.getString("id");
    }
}
