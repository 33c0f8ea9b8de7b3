package io.nylassf.connect.common.nylas;

import com.fasterxml.jackson.databind.JsonNode;

/** A grant: one connected account of the application. */
public record Grant(JsonNode json) implements NylasObject {
    @Override
    public String grantId() {
        return id();
    }

    public String email() {
        return json.path("email").asText(null);
    }

    public String provider() {
        return json.path("provider").asText(null);
    }

    /** {@code valid}, {@code invalid}, ... */
    public String status() {
        return json.path("grant_status").asText(null);
    }

    public boolean valid() {
        return "valid".equals(status());
    }
}
