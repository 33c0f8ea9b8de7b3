package io.nylassf.connect.common.nylas;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One of the application's webhook subscriptions ({@code GET /v3/webhooks}): where Nylas delivers, which triggers,
 * and the status Nylas keeps from its deliveries ({@code active}; {@code failing} after sustained failures;
 * {@code failed} once it has stopped delivering; {@code pause}).
 */
public record WebhookSubscription(String id, String url, String status, List<String> triggers) {
    public static WebhookSubscription of(JsonNode w) {
        List<String> triggers = new ArrayList<>();
        w.path("trigger_types").forEach(t -> triggers.add(t.asText()));
        return new WebhookSubscription(w.path("id").asText(), w.path("webhook_url").asText(),
                w.path("status").asText(), List.copyOf(triggers));
    }

    public boolean active() {
        return "active".equals(status);
    }

    /** Nylas saw most deliveries fail for a while (95% over 15 minutes); it goes on delivering. */
    public boolean failing() {
        return "failing".equals(status);
    }
}
