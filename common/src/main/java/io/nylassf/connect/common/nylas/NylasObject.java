package io.nylassf.connect.common.nylas;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Nylas object as the API returned it. The JSON is kept whole so mappers see every field, and typed accessors
 * cover what the readers need (identity and the timestamps windows are built on). Nylas times are Unix seconds.
 */
public sealed interface NylasObject permits Message, Event, Contact, Grant {
    JsonNode json();

    default String id() {
        return json().path("id").asText(null);
    }

    default String grantId() {
        return json().path("grant_id").asText(null);
    }

    /** A seconds field, or null when absent or not a number. */
    static Long seconds(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.canConvertToLong() ? v.asLong() : null;
    }
}
