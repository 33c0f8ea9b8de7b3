package io.nylassf.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Malformed versions of a real record a connector wrote (JsonConverter with schemas, the sandbox's format), one
 * per kind of mistake a careless or hostile producer makes: bytes that are not JSON, JSON without the schema
 * envelope, a schema the sinks do not know, the record's id missing, an id no API issues, and a time that is not
 * one. Each is built from the sample so everything else about it is right.
 */
final class BadRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Kind { NOT_JSON, NO_ENVELOPE, UNKNOWN_SCHEMA, MISSING_ID, BAD_ID, BAD_TIME }

    private BadRecords() {
    }

    /** One value per kind, from {@code sample} (an enveloped record); {@code timeField} is a top-level field. */
    static Map<Kind, byte[]> of(byte[] sample, String timeField, String badId) {
        ObjectNode envelope = read(sample);
        Map<Kind, byte[]> out = new LinkedHashMap<>();
        out.put(Kind.NOT_JSON, "{\"schema\": {not json".getBytes(StandardCharsets.UTF_8));
        out.put(Kind.NO_ENVELOPE, bytes(envelope.get("payload")));
        ObjectNode unknown = JSON.createObjectNode();
        unknown.putObject("schema").put("type", "struct").put("name", "com.example.Unrelated").put("optional", false)
                .putArray("fields").addObject().put("field", "foo").put("type", "int32").put("optional", false);
        unknown.putObject("payload").put("foo", 1);
        out.put(Kind.UNKNOWN_SCHEMA, bytes(unknown));
        ObjectNode missing = envelope.deepCopy();
        field(missing, "id").put("optional", true);
        ((ObjectNode) missing.get("payload")).remove("id");
        out.put(Kind.MISSING_ID, bytes(missing));
        ObjectNode wrongId = envelope.deepCopy();
        ((ObjectNode) wrongId.get("payload")).put("id", badId);
        out.put(Kind.BAD_ID, bytes(wrongId));
        ObjectNode badTime = envelope.deepCopy();
        ObjectNode time = field(badTime, timeField);
        time.removeAll();
        time.put("field", timeField).put("type", "string").put("optional", true);
        ((ObjectNode) badTime.get("payload")).put(timeField, "the day after tomorrow");
        out.put(Kind.BAD_TIME, bytes(badTime));
        return out;
    }

    private static ObjectNode field(ObjectNode envelope, String name) {
        for (JsonNode f : (ArrayNode) envelope.path("schema").path("fields")) {
            if (name.equals(f.path("field").asText())) {
                return (ObjectNode) f;
            }
        }
        throw new IllegalArgumentException("the sample has no field " + name + ": " + envelope.path("schema"));
    }

    private static ObjectNode read(byte[] value) {
        try {
            return (ObjectNode) JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Kind> kinds() {
        return List.of(Kind.values());
    }
}
