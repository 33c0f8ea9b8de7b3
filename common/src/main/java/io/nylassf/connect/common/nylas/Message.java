package io.nylassf.connect.common.nylas;

import com.fasterxml.jackson.databind.JsonNode;

/** A Nylas email message. */
public record Message(JsonNode json) implements NylasObject {
    /** When the message was received or sent (seconds); what {@code received_after/before} filter on. */
    public Long date() {
        return NylasObject.seconds(json, "date");
    }
}
