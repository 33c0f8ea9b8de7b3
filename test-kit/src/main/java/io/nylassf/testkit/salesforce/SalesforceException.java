package io.nylassf.testkit.salesforce;

import java.util.List;

/** A failed operation carrying Salesforce errors; the first error's status is the HTTP status. */
public final class SalesforceException extends RuntimeException {
    private final transient List<ApiError> errors;

    public SalesforceException(ApiError error) {
        this(List.of(error));
    }

    public SalesforceException(List<ApiError> errors) {
        super(errors.get(0).errorCode() + ": " + errors.get(0).message(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static SalesforceException of(int status, String code, String message, String... fields) {
        return new SalesforceException(ApiError.of(status, code, message, fields));
    }

    public List<ApiError> errors() { return errors; }

    public ApiError first() { return errors.get(0); }

    public int status() { return errors.get(0).httpStatus(); }
}
