package io.nylassf.connect.source.salesforce.offset;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one SObject's reads stand: the {@code SystemModstamp} of the last row written and its {@code Id}, the
 * tie-breaker among rows sharing that stamp. Stored in Connect's offset topic under the partition
 * {@code {"sobject": "<Name>"}} as {@code {"v": 1, "system_modstamp": "<ISO-8601>", "last_id": "<18-char Id>"}};
 * {@link #fromMap} reads it back and rejects anything else, which is also what {@code alterOffsets} validates.
 */
public record ObjectOffset(Instant systemModstamp, String lastId) {
    public static final int VERSION = 1;
    public static final String PARTITION_KEY = "sobject";
    public static final String VERSION_KEY = "v";
    public static final String MODSTAMP_KEY = "system_modstamp";
    public static final String LAST_ID_KEY = "last_id";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-9]{3})?");

    public ObjectOffset {
        Objects.requireNonNull(systemModstamp, "systemModstamp");
        if (lastId != null && !ID.matcher(lastId).matches()) {
            throw new IllegalArgumentException("not a Salesforce ID: " + lastId);
        }
    }

    public static Map<String, Object> partition(String sobject) {
        return Map.of(PARTITION_KEY, sobject);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new HashMap<>();
        m.put(VERSION_KEY, VERSION);
        m.put(MODSTAMP_KEY, systemModstamp.toString());
        if (lastId != null) {
            m.put(LAST_ID_KEY, lastId);
        }
        return m;
    }

    /** Reads a stored or user-submitted offset; throws {@link IllegalArgumentException} saying what is wrong. */
    public static ObjectOffset fromMap(Map<String, ?> map) {
        if (map == null) {
            throw new IllegalArgumentException("offset is null");
        }
        for (String k : map.keySet()) {
            if (!k.equals(VERSION_KEY) && !k.equals(MODSTAMP_KEY) && !k.equals(LAST_ID_KEY)) {
                throw new IllegalArgumentException("unknown offset key '" + k + "'; expected " + VERSION_KEY + ", "
                        + MODSTAMP_KEY + ", " + LAST_ID_KEY);
            }
        }
        Object v = map.get(VERSION_KEY);
        if (v != null && !(v instanceof Number n && n.intValue() == VERSION)) {
            throw new IllegalArgumentException("unsupported offset version " + v + " (this connector writes "
                    + VERSION + ")");
        }
        Object stamp = map.get(MODSTAMP_KEY);
        if (!(stamp instanceof String s)) {
            throw new IllegalArgumentException(MODSTAMP_KEY + " must be an ISO-8601 instant string");
        }
        Instant at;
        try {
            at = Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(MODSTAMP_KEY + " '" + s + "' is not an ISO-8601 instant", e);
        }
        Object id = map.get(LAST_ID_KEY);
        if (id != null && !(id instanceof String)) {
            throw new IllegalArgumentException(LAST_ID_KEY + " must be a string");
        }
        return new ObjectOffset(at, (String) id);
    }

    /** Validates a partition submitted to alterOffsets; returns the SObject it names. */
    public static String partitionObject(Map<String, ?> partition) {
        if (partition == null || partition.size() != 1 || !(partition.get(PARTITION_KEY) instanceof String s)
                || !s.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a partition is {\"" + PARTITION_KEY + "\": \"<SObject>\"}, not "
                    + partition);
        }
        return s;
    }
}
