package io.nylassf.connect.source.nylas.offset;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a windowed stream stands: every object ordered at or before {@code (watermark, lastId)} has been written.
 * Objects are ordered by their time field (messages: {@code date}; events: {@code updated_at}; in Unix seconds)
 * and then by id, so objects sharing a second are neither lost nor repeated: a restart reads from
 * {@code watermark} inclusive and skips what sorts at or before {@code (watermark, lastId)}.
 *
 * <p>As a map: {@code {"v": 1, "watermark": <seconds>, "last_id": "<id>"}}. An empty {@code last_id} means
 * "nothing at the watermark second has been written yet", which is what an operator submits to re-read from a
 * chosen time. Contacts use the same shape with the start of the last scan as watermark (informational).
 */
public record SourceOffset(long watermark, String lastId) implements Comparable<SourceOffset> {
    public static final int VERSION = 1;
    public static final String VERSION_KEY = "v";
    public static final String WATERMARK = "watermark";
    public static final String LAST_ID = "last_id";
    private static final Set<String> KEYS = Set.of(VERSION_KEY, WATERMARK, LAST_ID);
    private static final Comparator<SourceOffset> ORDER =
            Comparator.comparingLong(SourceOffset::watermark).thenComparing(SourceOffset::lastId);

    public SourceOffset {
        Objects.requireNonNull(lastId, "lastId");
        if (watermark < 0) {
            throw new IllegalArgumentException("watermark must not be negative");
        }
    }

    /** Re-read everything from {@code seconds} on. */
    public static SourceOffset from(long seconds) {
        return new SourceOffset(seconds, "");
    }

    /** Whether an object at {@code (time, id)} sorts strictly after this position (and so is still to write). */
    public boolean precedes(long time, String id) {
        return time > watermark || time == watermark && id.compareTo(lastId) > 0;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(VERSION_KEY, VERSION);
        m.put(WATERMARK, watermark);
        m.put(LAST_ID, lastId);
        return m;
    }

    /**
     * Reads an offset map, as stored or as submitted through {@code PATCH /connectors/{name}/offsets}; null for
     * a null map (no offset: start from the configured backfill).
     */
    public static SourceOffset fromMap(Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        for (String k : map.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown offset key '" + k + "' (expected " + KEYS + ")");
            }
        }
        Object v = map.get(VERSION_KEY);
        if (!(v instanceof Number n) || n.longValue() != VERSION || n.doubleValue() != n.longValue()) {
            throw new IllegalArgumentException("offset '" + VERSION_KEY + "' must be " + VERSION);
        }
        Object wm = map.get(WATERMARK);
        if (!(wm instanceof Number w) || w.doubleValue() != w.longValue() || w.longValue() < 0) {
            throw new IllegalArgumentException("offset '" + WATERMARK + "' must be a non-negative integer of "
                    + "Unix seconds");
        }
        if (w.longValue() > 100_000_000_000L) {
            throw new IllegalArgumentException("offset '" + WATERMARK + "' looks like milliseconds: use seconds");
        }
        Object id = map.get(LAST_ID);
        if (id != null && !(id instanceof String)) {
            throw new IllegalArgumentException("offset '" + LAST_ID + "' must be a string");
        }
        return new SourceOffset(w.longValue(), id == null ? "" : (String) id);
    }

    @Override
    public int compareTo(SourceOffset o) {
        return ORDER.compare(this, o);
    }
}
