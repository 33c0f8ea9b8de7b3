package io.nylassf.connect.common;

import org.apache.kafka.connect.errors.ConnectException;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Checks offsets operators submit through {@code PATCH /connectors/{name}/offsets} (a source connector's
 * {@code alterOffsets}): each partition and offset is parsed, and the first that does not parse is rejected
 * naming its partition and the reason.
 */
public final class SubmittedOffsets {
    private SubmittedOffsets() {
    }

    /** {@code check} throws IllegalArgumentException for a malformed partition or offset; returns true otherwise. */
    public static boolean check(Map<Map<String, ?>, Map<String, ?>> offsets,
                                BiConsumer<Map<String, ?>, Map<String, ?>> check) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> e : offsets.entrySet()) {
            try {
                check.accept(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bad) {
                throw new ConnectException("Invalid offset for partition " + e.getKey() + ": " + bad.getMessage());
            }
        }
        return true;
    }
}
