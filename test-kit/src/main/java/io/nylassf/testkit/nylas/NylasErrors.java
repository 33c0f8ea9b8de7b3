package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorException;
import io.nylassf.testkit.http.EmulatorRequest;
import io.nylassf.testkit.http.EmulatorResponse;

/**
 * Nylas v3 error responses: {@code {request_id, error:{type, message, provider_error?}}}. Type names follow the
 * documentation, which uses both bare ({@code unauthorized}) and {@code api.}-prefixed names.
 */
final class NylasErrors {
    static final String INVALID_REQUEST = "invalid_request_error";
    static final String NOT_FOUND = "not_found_error";
    static final String UNAUTHORIZED = "unauthorized";
    static final String AUTHENTICATION = "api.authentication_error";
    static final String RATE_LIMIT = "rate_limit_error";
    static final String INTERNAL = "api.internal_error";
    static final String PROVIDER = "api.provider_error";

    private NylasErrors() {
    }

    static EmulatorResponse response(int status, String requestId, String type, String message) {
        return NylasJson.respond(status, requestId, body(requestId, type, message));
    }

    static ObjectNode body(String requestId, String type, String message) {
        ObjectNode out = NylasJson.object();
        out.put("request_id", requestId);
        ObjectNode error = out.putObject("error");
        error.put("type", type);
        error.put("message", message);
        return out;
    }

    static EmulatorException error(int status, String requestId, String type, String message) {
        return new EmulatorException(response(status, requestId, type, message));
    }

    static EmulatorException badRequest(String requestId, String message) {
        return error(400, requestId, INVALID_REQUEST, message);
    }

    static EmulatorException notFound(String requestId, String message) {
        return error(404, requestId, NOT_FOUND, message);
    }

    static EmulatorException unauthorized(String requestId, String message) {
        return error(401, requestId, UNAUTHORIZED, message);
    }

    /**
     * 401 for a missing, invalid, rotated or revoked API key: the documented {@code api.authentication_error}
     * ("Unauthorized"), with no {@code provider_error} (that one marks a grant's own failure).
     */
    static EmulatorException badApiKey(String requestId) {
        return error(401, requestId, AUTHENTICATION, "Unauthorized");
    }

    /** 401 for an expired grant: Nylas reports the provider's OAuth refusal alongside. */
    static EmulatorException grantExpired(String requestId, String grantId) {
        ObjectNode body = body(requestId, UNAUTHORIZED,
                "Unauthorized. The grant " + grantId + " is expired or invalid; re-authenticate the user.");
        ObjectNode provider = ((ObjectNode) body.get("error")).putObject("provider_error");
        provider.put("error", "invalid_grant");
        provider.put("error_description", "Token has been expired or revoked.");
        return new EmulatorException(NylasJson.respond(401, requestId, body));
    }

    static EmulatorResponse rateLimited(String requestId, long retryAfterSeconds, String message) {
        return response(429, requestId, RATE_LIMIT, message).header("Retry-After", Long.toString(retryAfterSeconds));
    }

    /** The {@link io.nylassf.testkit.http.EmulatorHttpServer.FaultResponder} for Nylas: each kind in Nylas' shape. */
    static EmulatorResponse fault(String kind, EmulatorRequest request, long retryAfterSeconds) {
        String rid = NylasJson.newUuid();
        return switch (kind) {
            case "429" -> rateLimited(rid, retryAfterSeconds, "Too many requests (injected fault).");
            case "503" -> response(503, rid, PROVIDER, "The provider is temporarily unavailable (injected fault).")
                    .header("Retry-After", Long.toString(retryAfterSeconds));
            case "504" -> response(504, rid, PROVIDER, "The provider did not respond in time (injected fault).");
            case "500" -> response(500, rid, INTERNAL, "Internal error (injected fault).");
            default -> {
                int status = 500;
                try {
                    status = Integer.parseInt(kind);
                } catch (NumberFormatException ignored) {
                    // unknown non-numeric kinds answer as a plain internal error
                }
                yield response(status, rid, status >= 500 ? INTERNAL : INVALID_REQUEST, "Injected fault " + kind + ".");
            }
        };
    }
}
