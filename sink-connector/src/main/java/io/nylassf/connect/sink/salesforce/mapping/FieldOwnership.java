package io.nylassf.connect.sink.salesforce.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which system owns which field, per object. Nylas-owned fields are updated when Nylas changes them;
 * every other field is Salesforce-owned and only filled when empty (the conservative rule: a value a person typed
 * is never overwritten). {@code *} makes every mapped field of an object Nylas-owned.
 */
public final class FieldOwnership {
    private final Map<String, Set<String>> nylasOwned = new HashMap<>();

    /** Nylas-owned fields of {@code sobject} (case-insensitive); {@code ["*"]} means all. */
    public FieldOwnership nylasOwns(String sobject, List<String> fields) {
        Set<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        fields.stream().map(String::trim).filter(f -> !f.isEmpty()).forEach(s::add);
        nylasOwned.put(sobject, s);
        return this;
    }

    public boolean isNylasOwned(String sobject, String field) {
        Set<String> s = nylasOwned.get(sobject);
        return s != null && (s.contains("*") || s.contains(field));
    }

    /** The conservative default: nothing is Nylas-owned. */
    public static FieldOwnership conservative() {
        return new FieldOwnership();
    }
}
