package io.nylassf.connect.source.nylas.webhook;

import io.nylassf.connect.common.nylas.WebhookSubscription;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether the application's webhook subscriptions deliver what the connector reads to its public URL (pure): one
 * subscription for that URL, {@code active} (or {@code failing}, which Nylas still delivers to), with every trigger
 * the configured objects need. Each problem is described with what to do about it. Only an {@code active} one is
 * trusted to announce changes.
 */
public final class SubscriptionCheck {
    private SubscriptionCheck() {
    }

    /** The triggers the connector handles for {@code objects} (messages, events, contacts), and the grant ones. */
    public static Set<String> requiredTriggers(List<String> objects) {
        Set<String> t = new LinkedHashSet<>();
        if (objects.contains("messages")) {
            t.addAll(List.of("message.created", "message.updated", "message.deleted"));
        }
        if (objects.contains("events")) {
            t.addAll(List.of("event.created", "event.updated", "event.deleted"));
        }
        if (objects.contains("contacts")) {
            t.addAll(List.of("contact.updated", "contact.deleted"));
        }
        t.addAll(List.of("grant.expired", "grant.updated"));
        return t;
    }

    /**
     * The problems with the subscription for {@code publicUrl}; empty when it is ready. A missing subscription is
     * a problem once the secret is set ({@code secretSet}): before, the endpoint is being brought up so that Nylas'
     * challenge can create it.
     */
    public static List<String> problems(List<WebhookSubscription> subscriptions, String publicUrl,
                                        Set<String> required, boolean secretSet) {
        List<WebhookSubscription> mine = subscriptions.stream().filter(w -> w.url().equals(publicUrl)).toList();
        if (mine.isEmpty() && !secretSet) {
            return List.of();
        }
        if (mine.isEmpty()) {
            return List.of("no Nylas webhook subscription delivers to " + publicUrl + "; create one with POST "
                    + "/v3/webhooks (webhook_url " + publicUrl + ", trigger_types " + String.join(",", required)
                    + ") and put the webhook_secret it returns in webhook.secret (docs/nylas-source.md)");
        }
        List<String> out = new ArrayList<>();
        for (WebhookSubscription w : mine) {
            // 'failing' is no obstacle to a config: Nylas still delivers, and a connector that answers is the cure
            if (!w.active() && !w.failing()) {
                out.add("the Nylas webhook subscription " + w.id() + " for " + publicUrl + " is '" + w.status()
                        + "', not 'active': Nylas is not delivering to it (set it active with PUT /v3/webhooks/"
                        + w.id() + " {\"status\":\"active\"}; what it missed is read by the backstop)");
            }
            Set<String> missing = new LinkedHashSet<>(required);
            missing.removeAll(w.triggers());
            if (!missing.isEmpty()) {
                out.add("the Nylas webhook subscription " + w.id() + " for " + publicUrl + " lacks the triggers "
                        + String.join(", ", missing) + " (add them with PUT /v3/webhooks/" + w.id() + ")");
            }
        }
        return out;
    }

    /** Whether one subscription for {@code publicUrl} (any, when null) is active with a message trigger. */
    public static boolean delivering(List<WebhookSubscription> subscriptions, String publicUrl) {
        return subscriptions.stream().anyMatch(w -> (publicUrl == null || w.url().equals(publicUrl)) && w.active()
                && w.triggers().stream().anyMatch(t -> t.startsWith("message.")));
    }
}
