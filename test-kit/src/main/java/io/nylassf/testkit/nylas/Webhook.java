package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** One registered webhook destination. Fields change under the registry's lock; reads see a consistent snapshot. */
final class Webhook {
    final String id;
    final long createdAt;
    volatile String secret;
    volatile String url;
    volatile String description;
    volatile String status = "active";
    volatile List<String> triggers;
    volatile List<String> notificationEmails;
    volatile long updatedAt;
    volatile long statusUpdatedAt;

    Webhook(String id, long now) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
        this.statusUpdatedAt = now;
    }

    boolean active() {
        return "active".equals(status);
    }

    /** Whether a notification of this type reaches this destination; {@code .truncated} rides on its base trigger. */
    boolean wants(String type) {
        String base = type.endsWith(".truncated") ? type.substring(0, type.length() - ".truncated".length()) : type;
        return triggers.contains(base) || triggers.contains(type);
    }

    /** The secret is only returned when created or rotated, as Nylas does. */
    ObjectNode toJson(boolean withSecret) {
        ObjectNode n = NylasJson.object();
        n.put("id", id);
        n.put("description", description);
        ArrayNode t = n.putArray("trigger_types");
        triggers.forEach(t::add);
        n.put("webhook_url", url);
        if (withSecret) {
            n.put("webhook_secret", secret);
        }
        n.put("status", status);
        ArrayNode e = n.putArray("notification_email_addresses");
        notificationEmails.forEach(e::add);
        n.put("status_updated_at", statusUpdatedAt);
        n.put("created_at", createdAt);
        n.put("updated_at", updatedAt);
        return n;
    }
}
