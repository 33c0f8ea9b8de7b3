package io.nylassf.testkit.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Salesforce error: code, message, fields, plus the HTTP status it maps to when it ends a single-record
 * request. {@code extra} carries additional body members such as {@code duplicateResult}.
 */
public record ApiError(int httpStatus, String errorCode, String message, List<String> fields, Map<String, Object> extra) {

    public ApiError {
        fields = fields == null ? List.of() : List.copyOf(fields);
        extra = extra == null ? Map.of() : extra;
    }

    public static ApiError of(int status, String code, String message, String... fields) {
        return new ApiError(status, code, message, List.of(fields), null);
    }

    /** The REST shape: {@code {message, errorCode, fields}}. */
    public Map<String, Object> toRestBody() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.putAll(extra);
        m.put("message", message);
        m.put("errorCode", errorCode);
        m.put("fields", fields);
        return m;
    }

    /** The per-item shape used by sObject Collections and composite results: {@code {statusCode, message, fields}}. */
    public Map<String, Object> toItemBody() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statusCode", errorCode);
        m.put("message", message);
        m.put("fields", fields);
        m.putAll(extra);
        return m;
    }
}
