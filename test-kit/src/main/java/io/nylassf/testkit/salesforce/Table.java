package io.nylassf.testkit.salesforce;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one sObject in insertion order, plus case-insensitive value indexes (built on first use) for
 * external-ID and duplicate-rule lookups so upserts stay O(1). Rows are never mutated in place: a write
 * replaces the map, which makes undo and consistent reads cheap. Guarded by the org lock.
 */
final class Table {
    final SObjectSchema schema;
    final LinkedHashMap<String, Map<String, Object>> rows = new LinkedHashMap<>();
    private final Map<String, Map<String, Set<String>>> indexes = new HashMap<>();

    Table(SObjectSchema schema) {
        this.schema = schema;
    }

    Map<String, Object> get(String id) {
        return rows.get(id);
    }

    /** Stores (or with null removes) a row, keeping indexes in step. Returns the previous row. */
    Map<String, Object> put(String id, Map<String, Object> row) {
        Map<String, Object> old = row == null ? rows.remove(id) : rows.put(id, row);
        for (Map.Entry<String, Map<String, Set<String>>> idx : indexes.entrySet()) {
            unindex(idx.getValue(), id, old, idx.getKey());
            index(idx.getValue(), id, row, idx.getKey());
        }
        return old;
    }

    /** Ids of live rows whose {@code field} equals {@code value} ignoring case, in insertion order. */
    Set<String> lookup(String field, String value) {
        Map<String, Set<String>> idx = indexes.computeIfAbsent(field, f -> {
            Map<String, Set<String>> built = new HashMap<>();
            rows.forEach((id, row) -> index(built, id, row, f));
            return built;
        });
        Set<String> ids = idx.get(value.toLowerCase(Locale.ROOT));
        return ids == null ? Set.of() : ids;
    }

    private static void index(Map<String, Set<String>> idx, String id, Map<String, Object> row, String field) {
        Object v = row == null || Boolean.TRUE.equals(row.get("IsDeleted")) ? null : row.get(field);
        if (v != null) {
            idx.computeIfAbsent(String.valueOf(v).toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>()).add(id);
        }
    }

    private static void unindex(Map<String, Set<String>> idx, String id, Map<String, Object> row, String field) {
        Object v = row == null ? null : row.get(field);
        if (v != null) {
            Set<String> ids = idx.get(String.valueOf(v).toLowerCase(Locale.ROOT));
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    idx.remove(String.valueOf(v).toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    void clear() {
        rows.clear();
        indexes.clear();
    }
}
