package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorRequest;

import java.io.IOException;

/** One authenticated API call: the HTTP request, its request id, and the grant for grant-scoped routes. */
record NylasCall(EmulatorRequest http, String requestId, ObjectNode grant) {

    String grantId() {
        return grant.get("id").asText();
    }

    String provider() {
        return grant.path("provider").asText("google");
    }

    String param(String name) {
        String v = http.queryParam(name);
        return v == null || v.isEmpty() ? null : v;
    }

    String pathParam(String name) {
        return http.pathParam(name);
    }

    /** The body as a JSON object; 400 if it is missing or not an object. */
    ObjectNode json() {
        if (http.body().length == 0) {
            throw NylasErrors.badRequest(requestId, "Request body is required.");
        }
        try {
            JsonNode n = NylasJson.MAPPER.readTree(http.body());
            if (n instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException e) {
            throw NylasErrors.badRequest(requestId, "Request body is not valid JSON: " + e.getMessage());
        }
        throw NylasErrors.badRequest(requestId, "Request body must be a JSON object.");
    }

    /** {@code limit}: default when absent, 400 when not a positive integer or above {@code max}. */
    int limit(int dflt, int max) {
        String v = param("limit");
        if (v == null) {
            return dflt;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw NylasErrors.badRequest(requestId, "limit must be an integer.");
        }
        if (n < 1 || n > max) {
            throw NylasErrors.badRequest(requestId, "limit must be between 1 and " + max + ".");
        }
        return n;
    }

    Long longParam(String name) {
        String v = param(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw NylasErrors.badRequest(requestId, name + " must be a Unix timestamp in seconds.");
        }
    }

    Boolean boolParam(String name) {
        String v = param(name);
        if (v == null) {
            return null;
        }
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw NylasErrors.badRequest(requestId, name + " must be true or false.");
        }
        return Boolean.parseBoolean(v);
    }

    SortKey pageToken() {
        return Cursor.decode(param("page_token"), requestId);
    }
}
