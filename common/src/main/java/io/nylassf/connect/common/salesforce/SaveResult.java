package io.nylassf.connect.common.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** The outcome of writing one record: its ID, whether it was created, and the errors when it failed. */
public record SaveResult(String id, boolean success, boolean created, List<SaveError> errors) {
    public SaveResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static SaveResult failure(SaveError error) {
        return new SaveResult(null, false, false, List.of(error));
    }

    /** The per-item results of an sObject Collections call ({@code [{id, success, created, errors}]}). */
    static List<SaveResult> listFrom(JsonNode array) {
        List<SaveResult> out = new ArrayList<>();
        for (JsonNode r : array) {
            boolean success = r.path("success").asBoolean(false);
            out.add(new SaveResult(SalesforceErrors.text(r, "id"), success, r.path("created").asBoolean(false),
                    SalesforceErrors.itemErrors(r.path("errors"))));
        }
        return out;
    }

    public SaveError firstError() {
        return errors.isEmpty() ? new SaveError("UNKNOWN", "no error detail", null, null) : errors.get(0);
    }

    /** Failed only for reasons worth retrying (lock contention, rollback caused by another item...). */
    public boolean isTransientFailure() {
        return !success && !errors.isEmpty() && errors.stream().allMatch(SaveError::isTransient);
    }
}
