package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** {@code /v3/webhooks}: create (after the challenge handshake), list, get, update, delete, rotate the secret. */
final class WebhookRoutes {
    private final WebhookRegistry registry;

    WebhookRoutes(WebhookRegistry registry) {
        this.registry = registry;
    }

    void register(NylasRouter router) {
        router.app("POST", "/v3/webhooks", this::create);
        router.app("GET", "/v3/webhooks", this::list);
        router.app("POST", "/v3/webhooks/rotate-secret/{id}", this::rotate);
        router.app("GET", "/v3/webhooks/{id}", this::get);
        router.app("PUT", "/v3/webhooks/{id}", this::update);
        router.app("DELETE", "/v3/webhooks/{id}", this::delete);
    }

    private EmulatorResponse create(NylasCall call) {
        ObjectNode body = call.json();
        String rid = call.requestId();
        String url = url(body.get("webhook_url"), rid, true);
        List<String> triggers = triggers(body.get("trigger_types"), rid, true);
        String failure = registry.challenge(url);
        if (failure != null) {
            throw NylasErrors.badRequest(rid, "Webhook URL verification failed: " + failure + ".");
        }
        Webhook w = registry.create(url, triggers, body.path("description").asText(""),
                strings(body.get("notification_email_addresses")));
        return NylasJson.single(rid, w.toJson(true));
    }

    private EmulatorResponse list(NylasCall call) {
        ArrayNode data = NylasJson.array();
        registry.all().forEach(w -> data.add(w.toJson(false)));
        return NylasJson.list(call.requestId(), data, null);
    }

    private EmulatorResponse get(NylasCall call) {
        return NylasJson.single(call.requestId(), find(call).toJson(false));
    }

    private EmulatorResponse update(NylasCall call) {
        Webhook w = find(call);
        ObjectNode body = call.json();
        String rid = call.requestId();
        String url = url(body.get("webhook_url"), rid, false);
        List<String> triggers = triggers(body.get("trigger_types"), rid, false);
        if (body.has("status") && !List.of("active", "inactive").contains(body.get("status").asText())) {
            throw NylasErrors.badRequest(rid, "status must be active or inactive.");
        }
        if (url != null && !url.equals(w.url)) {
            String failure = registry.challenge(url);
            if (failure != null) {
                throw NylasErrors.badRequest(rid, "Webhook URL verification failed: " + failure + ".");
            }
        }
        synchronized (w) {
            long now = registry.now();
            if (url != null) {
                w.url = url;
            }
            if (triggers != null) {
                w.triggers = triggers;
            }
            if (body.has("description")) {
                w.description = body.get("description").asText();
            }
            if (body.has("notification_email_addresses")) {
                w.notificationEmails = strings(body.get("notification_email_addresses"));
            }
            if (body.has("status") && !body.get("status").asText().equals(w.status)) {
                w.statusSet(body.get("status").asText(), registry.nowMs());
            }
            w.updatedAt = now;
        }
        return NylasJson.single(rid, w.toJson(false));
    }

    private EmulatorResponse delete(NylasCall call) {
        if (registry.remove(call.pathParam("id")) == null) {
            throw notFound(call);
        }
        return NylasJson.deleted(call.requestId());
    }

    private EmulatorResponse rotate(NylasCall call) {
        Webhook w = find(call);
        registry.rotate(w);
        return NylasJson.single(call.requestId(), w.toJson(true));
    }

    private Webhook find(NylasCall call) {
        Webhook w = registry.get(call.pathParam("id"));
        if (w == null) {
            throw notFound(call);
        }
        return w;
    }

    private static RuntimeException notFound(NylasCall call) {
        return NylasErrors.notFound(call.requestId(), "Webhook " + call.pathParam("id") + " not found.");
    }

    private static String url(JsonNode n, String rid, boolean required) {
        if (n == null || n.isNull()) {
            if (required) {
                throw NylasErrors.badRequest(rid, "webhook_url is required.");
            }
            return null;
        }
        String url = n.asText();
        try {
            URI u = URI.create(url);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw NylasErrors.badRequest(rid, "webhook_url must be an absolute http(s) URL.");
        }
        return url;
    }

    private static List<String> triggers(JsonNode n, String rid, boolean required) {
        if (n == null || n.isNull()) {
            if (required) {
                throw NylasErrors.badRequest(rid, "trigger_types is required.");
            }
            return null;
        }
        List<String> out = strings(n);
        if (out.isEmpty()) {
            throw NylasErrors.badRequest(rid, "trigger_types must list at least one trigger.");
        }
        for (String t : out) {
            if (!WebhookRegistry.TRIGGERS.contains(t)) {
                throw NylasErrors.badRequest(rid, "Unknown trigger type " + t + ".");
            }
        }
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
