package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.UUID;

/** The one {@link ObjectMapper}, id generation and the {@code {request_id, data}} envelopes. */
final class NylasJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private NylasJson() {
    }

    /** Nylas object ids are opaque lowercase alphanumerics, e.g. {@code 5d3qmne77v32r8l4phyuksl2x}. */
    static String newId() {
        char[] c = new char[25];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    static String newUuid() {
        return UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode toObject(Object value) {
        JsonNode n = value instanceof JsonNode j ? j.deepCopy() : MAPPER.valueToTree(value);
        if (!(n instanceof ObjectNode o)) {
            throw new IllegalArgumentException("expected a JSON object, got " + n);
        }
        return o;
    }

    static EmulatorResponse respond(int status, String requestId, JsonNode body) {
        return EmulatorResponse.of(status, "application/json; charset=utf-8", bytes(body))
                .header("X-Request-Id", requestId);
    }

    /** {@code {request_id, data}}. */
    static EmulatorResponse single(String requestId, JsonNode data) {
        ObjectNode out = object();
        out.put("request_id", requestId);
        out.set("data", data);
        return respond(200, requestId, out);
    }

    /** {@code 200 {request_id}}, the answer to a delete. */
    static EmulatorResponse deleted(String requestId) {
        ObjectNode out = object();
        out.put("request_id", requestId);
        return respond(200, requestId, out);
    }

    /** {@code {request_id, data:[...], next_cursor}}; {@code next_cursor} is omitted on the last page. */
    static EmulatorResponse list(String requestId, ArrayNode data, String nextCursor) {
        ObjectNode out = object();
        out.put("request_id", requestId);
        out.set("data", data);
        if (nextCursor != null) {
            out.put("next_cursor", nextCursor);
        }
        return respond(200, requestId, out);
    }
}
