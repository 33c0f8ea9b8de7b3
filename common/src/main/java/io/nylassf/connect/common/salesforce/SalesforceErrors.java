package io.nylassf.connect.common.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.ApiException.Kind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Parses Salesforce error bodies and classifies failures once, into {@link ApiException} kinds. */
public final class SalesforceErrors {
    private SalesforceErrors() {
    }

    /** A failed REST response ({@code [{message, errorCode, fields}]}) as an exception of the right kind. */
    public static ApiException fromResponse(int status, JsonNode body, Duration retryAfter, String what) {
        String code = null;
        String message = null;
        JsonNode first = body != null && body.isArray() && !body.isEmpty() ? body.get(0) : body;
        if (first != null && first.isObject()) {
            code = text(first, "errorCode");
            if (code == null) {
                code = text(first, "statusCode");
            }
            if (code == null) {
                code = text(first, "error");
            }
            message = text(first, "message");
            if (message != null && message.contains("ERROR at Row:")) {
                // a SOQL error repeats the whole statement first (up to 16 KB): keep the part naming the problem
                message = message.substring(message.indexOf("ERROR at Row:")).replace('\n', ' ');
            }
            if (message == null) {
                message = text(first, "error_description");
            }
        }
        Kind kind = classify(status, code);
        String text = what + " failed: HTTP " + status + (code == null ? "" : " " + code)
                + (message == null ? "" : ": " + truncate(message, 300));
        return new ApiException(kind, status, code, text, retryAfter, null);
    }

    static Kind classify(int status, String code) {
        if ("UNABLE_TO_LOCK_ROW".equals(code) || "SERVER_UNAVAILABLE".equals(code)) {
            return Kind.TRANSIENT;
        }
        if ("INVALID_SESSION_ID".equals(code) || status == 401) {
            return Kind.AUTHENTICATION;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        if ("REQUEST_LIMIT_EXCEEDED".equals(code)) {
            return Kind.LIMIT_EXCEEDED;
        }
        if (status >= 500 || status == 408) {
            return Kind.TRANSIENT;
        }
        return switch (status) {
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409, 412 -> Kind.CONFLICT;
            default -> Kind.BAD_REQUEST;
        };
    }

    /** Per-item errors of collection and composite results ({@code statusCode}, or {@code errorCode} in composite bodies). */
    public static List<SaveError> itemErrors(JsonNode errors) {
        List<SaveError> out = new ArrayList<>();
        if (errors == null || !errors.isArray()) {
            return out;
        }
        for (JsonNode e : errors) {
            String code = text(e, "statusCode");
            if (code == null) {
                code = text(e, "errorCode");
            }
            List<String> fields = new ArrayList<>();
            e.path("fields").forEach(f -> fields.add(f.asText()));
            out.add(new SaveError(code, text(e, "message"), fields, duplicateIds(e)));
        }
        return out;
    }

    /** IDs under {@code duplicateResult} (or the misspelt {@code duplicateResut}) → matchResults → matchRecords → record.Id. */
    static List<String> duplicateIds(JsonNode error) {
        List<String> ids = new ArrayList<>();
        JsonNode dup = error.has("duplicateResult") ? error.get("duplicateResult") : error.get("duplicateResut");
        if (dup == null) {
            return ids;
        }
        for (JsonNode mr : dup.path("matchResults")) {
            for (JsonNode rec : mr.path("matchRecords")) {
                String id = text(rec.path("record"), "Id");
                if (id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
