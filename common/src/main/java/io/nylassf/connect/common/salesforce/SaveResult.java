package io.nylassf.connect.common.salesforce;

import java.util.List;

/** The outcome of writing one record: its ID, whether it was created, and the errors when it failed. */
public record SaveResult(String id, boolean success, boolean created, List<SaveError> errors) {
    public SaveResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static SaveResult failure(SaveError error) {
        return new SaveResult(null, false, false, List.of(error));
    }

    public SaveError firstError() {
        return errors.isEmpty() ? new SaveError("UNKNOWN", "no error detail", null, null) : errors.get(0);
    }

    /** Failed only for reasons worth retrying (lock contention, rollback caused by another item...). */
    public boolean isTransientFailure() {
        return !success && !errors.isEmpty() && errors.stream().allMatch(SaveError::isTransient);
    }
}
