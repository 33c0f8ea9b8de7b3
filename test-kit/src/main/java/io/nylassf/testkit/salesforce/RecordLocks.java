package io.nylassf.testkit.salesforce;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Records held by another transaction for good (by Id or external-ID value): every API write to them fails
 * with {@code UNABLE_TO_LOCK_ROW}, as in a real org where a long-running job holds the row. Guarded by the org
 * lock.
 */
final class RecordLocks {
    private final Set<String> locked = new HashSet<>();

    void lock(String... keys) {
        for (String k : keys) {
            String id18 = SalesforceIds.normalize(k);
            locked.add(id18 != null ? id18 : k);
        }
    }

    /** Fails when the row (by {@code id18}, or any external-ID value it carries) is held. */
    void check(SObjectSchema s, String id18, Map<String, Object> row) {
        if (locked.isEmpty()) {
            return;
        }
        boolean held = id18 != null && locked.contains(id18);
        for (FieldDef f : s.fields()) {
            if (!held && f.externalId() && row.get(f.name()) != null) {
                held = locked.contains(String.valueOf(row.get(f.name())));
            }
        }
        if (held) {
            throw SalesforceException.of(400, "UNABLE_TO_LOCK_ROW",
                    "unable to obtain exclusive access to this record or 1 records");
        }
    }

    void clear() {
        locked.clear();
    }
}
