package io.nylassf.connect.common.salesforce;

import java.util.List;
import java.util.Set;

/**
 * One per-item error of a collection, composite or bulk write: Salesforce's {@code statusCode} (e.g.
 * REQUIRED_FIELD_MISSING), message, fields and, for DUPLICATES_DETECTED, the IDs of the matching records.
 */
public record SaveError(String statusCode, String message, List<String> fields, List<String> duplicateIds) {
    /** Codes that say "try again later" rather than "this record is wrong". */
    private static final Set<String> TRANSIENT = Set.of("UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE",
            "REQUEST_RUNNING_TOO_LONG", "QUERY_TIMEOUT", "ALL_OR_NONE_OPERATION_ROLLED_BACK", "PROCESSING_HALTED");

    public SaveError {
        fields = fields == null ? List.of() : List.copyOf(fields);
        duplicateIds = duplicateIds == null ? List.of() : List.copyOf(duplicateIds);
    }

    public boolean isTransient() {
        return statusCode != null && TRANSIENT.contains(statusCode);
    }

    public boolean isDuplicate() {
        return "DUPLICATES_DETECTED".equals(statusCode);
    }

    /** {@code CODE: message [fields]}, for DLQ reasons and logs. */
    public String describe() {
        return statusCode + ": " + message + (fields.isEmpty() ? "" : " " + fields);
    }
}
