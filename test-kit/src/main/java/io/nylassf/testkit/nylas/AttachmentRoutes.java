package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorResponse;

/**
 * {@code /v3/grants/{grantId}/attachments/{id}} (metadata) and {@code .../download} (the bytes, served as
 * {@code application/octet-stream} as the API reference documents). Both require {@code message_id}: 400 without
 * it, 404 {@code not_found_error} for an unknown message or an attachment the message does not carry.
 */
final class AttachmentRoutes {
    private final MessageStore store;

    AttachmentRoutes(MessageStore store) {
        this.store = store;
    }

    void register(NylasRouter router, RateLimiter limiter) {
        String base = "/v3/grants/{grantId}/attachments/{id}";
        router.grant("GET", base, limiter, "attachments", this::metadata);
        router.grant("GET", base + "/download", limiter, "attachments", this::download);
    }

    private EmulatorResponse metadata(NylasCall call) {
        ObjectNode a = store.attachment(call.grantId(), messageId(call), call.pathParam("id"));
        if (a == null) {
            throw notFound(call);
        }
        return NylasJson.single(call.requestId(), a.deepCopy());
    }

    private EmulatorResponse download(NylasCall call) {
        byte[] content = store.content(call.grantId(), messageId(call), call.pathParam("id"));
        if (content == null) {
            throw notFound(call);
        }
        return EmulatorResponse.of(200, "application/octet-stream", content);
    }

    private static String messageId(NylasCall call) {
        String id = call.param("message_id");
        if (id == null || id.isBlank()) {
            throw NylasErrors.badRequest(call.requestId(), "message_id is required.");
        }
        return id;
    }

    private static io.nylassf.testkit.http.EmulatorException notFound(NylasCall call) {
        return NylasErrors.notFound(call.requestId(), "Attachment " + call.pathParam("id") + " not found.");
    }
}
