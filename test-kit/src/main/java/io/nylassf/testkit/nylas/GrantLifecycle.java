package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Grants as tests drive them: created with a primary calendar, expired and restored, each change firing the
 * {@code grant.*} webhook Nylas sends.
 */
final class GrantLifecycle {
    private final GrantStore grants;
    private final EventStore events;
    private final WebhookDispatcher dispatcher;
    private final String integrationId;

    GrantLifecycle(GrantStore grants, EventStore events, WebhookDispatcher dispatcher, String integrationId) {
        this.grants = grants;
        this.events = events;
        this.dispatcher = dispatcher;
        this.integrationId = integrationId;
    }

    /** Creates a valid grant with a {@code primary} calendar; fires {@code grant.created}. */
    String create(String email, String provider) {
        ObjectNode g = grants.create(email, provider);
        events.createPrimaryCalendar(g);
        dispatcher.publish("grant.created", provider, notification(g, null));
        return g.get("id").asText();
    }

    /** The grant turns invalid: its API calls answer 401 with provider_error; fires {@code grant.expired}. */
    void expire(String grantId) {
        require(grantId);
        ObjectNode g = grants.setStatus(grantId, "invalid");
        dispatcher.publish("grant.expired", g.path("provider").asText(), notification(g, 25009));
    }

    /** The grant is valid again (the user re-authenticated); fires {@code grant.updated}. */
    void restore(String grantId) {
        require(grantId);
        ObjectNode g = grants.setStatus(grantId, "valid");
        ObjectNode o = notification(g, null);
        o.put("reauthentication_flag", true);
        dispatcher.publish("grant.updated", g.path("provider").asText(), o);
    }

    ObjectNode require(String grantId) {
        ObjectNode g = grants.get(grantId);
        if (g == null) {
            throw new IllegalArgumentException("No grant " + grantId);
        }
        return g;
    }

    private ObjectNode notification(ObjectNode g, Integer code) {
        ObjectNode o = NylasJson.object();
        if (code != null) {
            o.put("code", code);
        }
        o.put("grant_id", g.get("id").asText());
        o.put("integration_id", integrationId);
        o.put("provider", g.path("provider").asText());
        o.put("email", g.path("email").asText());
        o.put("grant_updated_at", g.path("updated_at").asLong());
        return o;
    }
}
