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
    private final EndpointHealth health;

    Webhook(String id, long now, EndpointHealth health) {
        this.id = id;
        this.createdAt = now;
        this.updatedAt = now;
        this.statusUpdatedAt = now;
        this.health = health;
    }

    boolean active() {
        return "active".equals(status);
    }

    /** Nylas goes on delivering to a failing destination; a failed, inactive or paused one gets nothing. */
    boolean delivering() {
        return active() || "failing".equals(status);
    }

    /** A delivery attempt's outcome, which may move the status (see {@link EndpointHealth}). */
    synchronized void delivered(boolean ok, long nowMs) {
        setStatus(health.record(status, ok, nowMs), nowMs);
    }

    /** Moves the status on if time alone has (a destination failing long enough becomes failed). */
    synchronized void judge(long nowMs) {
        setStatus(health.judge(status, nowMs), nowMs);
    }

    /** An admin sets the status ({@code PUT /v3/webhooks/{id}}): the delivery record starts afresh. */
    synchronized void statusSet(String s, long nowMs) {
        health.reset();
        setStatus(s, nowMs);
    }

    private void setStatus(String s, long nowMs) {
        if (!s.equals(status)) {
            status = s;
            statusUpdatedAt = nowMs / 1000;
        }
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
