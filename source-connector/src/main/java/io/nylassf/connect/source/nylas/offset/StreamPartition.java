package io.nylassf.connect.source.nylas.offset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Connect source partition of one windowed stream: a grant's messages, a grant's contacts, or one calendar's
 * events. As a map: {@code {"grant": "<id>", "object": "messages"}}, plus {@code "calendar": "<id>"} for events.
 */
public record StreamPartition(String grantId, ObjectStream stream, String calendarId) {
    public static final String GRANT = "grant";
    public static final String OBJECT = "object";
    public static final String CALENDAR = "calendar";
    private static final Set<String> KEYS = Set.of(GRANT, OBJECT, CALENDAR);

    public StreamPartition {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(stream, "stream");
        if (grantId.isBlank()) {
            throw new IllegalArgumentException("grant must not be blank");
        }
        if ((stream == ObjectStream.EVENTS) != (calendarId != null)) {
            throw new IllegalArgumentException(stream == ObjectStream.EVENTS
                    ? "an events partition needs a calendar" : "only events partitions have a calendar");
        }
        if (calendarId != null && calendarId.isBlank()) {
            throw new IllegalArgumentException("calendar must not be blank");
        }
    }

    public static StreamPartition messages(String grantId) {
        return new StreamPartition(grantId, ObjectStream.MESSAGES, null);
    }

    public static StreamPartition events(String grantId, String calendarId) {
        return new StreamPartition(grantId, ObjectStream.EVENTS, calendarId);
    }

    public static StreamPartition contacts(String grantId) {
        return new StreamPartition(grantId, ObjectStream.CONTACTS, null);
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(GRANT, grantId);
        m.put(OBJECT, stream.configName());
        if (calendarId != null) {
            m.put(CALENDAR, calendarId);
        }
        return m;
    }

    /** Reads a partition map, rejecting anything this connector did not write (e.g. from PATCH /offsets). */
    public static StreamPartition fromMap(Map<String, ?> map) {
        if (map == null) {
            throw new IllegalArgumentException("the source partition is missing");
        }
        for (String k : map.keySet()) {
            if (!KEYS.contains(k)) {
                throw new IllegalArgumentException("unknown source partition key '" + k + "' (expected " + KEYS + ")");
            }
        }
        return new StreamPartition(string(map, GRANT, true), ObjectStream.fromConfig(string(map, OBJECT, true)),
                string(map, CALENDAR, false));
    }

    private static String string(Map<String, ?> map, String key, boolean required) {
        Object v = map.get(key);
        if (v == null) {
            if (required) {
                throw new IllegalArgumentException("the source partition needs '" + key + "'");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("source partition '" + key + "' must be a string");
        }
        return s;
    }

    @Override
    public String toString() {
        return grantId + "/" + stream.configName() + (calendarId == null ? "" : "/" + calendarId);
    }
}
