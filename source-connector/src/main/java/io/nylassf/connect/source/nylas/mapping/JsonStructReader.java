package io.nylassf.connect.source.nylas.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a Nylas JSON object into a struct of its schema, each field from the JSON property of the same name (the
 * schemas use Nylas' names), so the schema is the one list of fields. Lenient like the API's clients must be: a
 * missing or mistyped value becomes null, never a failure; seconds become Connect Timestamps; an array element
 * that is not an object, or lacks a required field, is left out.
 */
final class JsonStructReader {
    private final Set<String> skipped;
    private final Map<String, Function<JsonNode, Object>> custom;

    /**
     * @param skipped fields the caller fills (never read from the JSON)
     * @param custom  top-level fields read by a function of their JSON value instead of by type
     */
    JsonStructReader(Set<String> skipped, Map<String, Function<JsonNode, Object>> custom) {
        this.skipped = skipped;
        this.custom = custom;
    }

    /** The top-level object: a required string that is missing reads as its JSON text ("" when absent). */
    Struct read(JsonNode n, Schema schema) {
        Struct s = new Struct(schema);
        for (Field f : schema.fields()) {
            if (skipped.contains(f.name())) {
                continue;
            }
            Function<JsonNode, Object> fn = custom.get(f.name());
            Object v = fn != null ? fn.apply(n.get(f.name())) : value(n.get(f.name()), f.schema());
            if (v == null && !f.schema().isOptional() && f.schema().type() == Schema.Type.STRING) {
                v = n.path(f.name()).asText();
            }
            s.put(f, v);
        }
        return s;
    }

    static String text(JsonNode v) {
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** Nylas seconds → Connect Timestamp. */
    static Date timestamp(JsonNode v) {
        if (v == null || !v.canConvertToLong() || !(v.isNumber() || v.isTextual())) {
            return null;
        }
        return new Date(v.asLong() * 1000L);
    }

    private static Object value(JsonNode v, Schema schema) {
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
            return timestamp(v);
        }
        return switch (schema.type()) {
            case STRING -> text(v);
            case BOOLEAN -> v == null || !v.isBoolean() ? null : v.asBoolean();
            case INT64 -> v == null || !v.isIntegralNumber() ? null : v.asLong();
            case ARRAY -> v == null || !v.isArray() ? null : list(v, schema.valueSchema());
            case MAP -> v == null || !v.isObject() ? null : map(v);
            case STRUCT -> v == null || !v.isObject() ? null : nested(v, schema);
            default -> throw new IllegalArgumentException("no JSON reading for " + schema.type());
        };
    }

    private static List<Object> list(JsonNode a, Schema element) {
        List<Object> out = new ArrayList<>(a.size());
        for (JsonNode item : a) {
            Object v = element.type() == Schema.Type.STRING ? flat(item) : value(item, element);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static Map<String, String> map(JsonNode o) {
        Map<String, String> out = new LinkedHashMap<>();
        o.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? null : flat(e.getValue())));
        return out;
    }

    /** A nested object, or null when a required field of it is missing. */
    static Struct nested(JsonNode o, Schema schema) {
        Struct s = new Struct(schema);
        for (Field f : schema.fields()) {
            Object v = value(o.get(f.name()), f.schema());
            if (v == null && !f.schema().isOptional()) {
                return null;
            }
            s.put(f, v);
        }
        return s;
    }

    /** A scalar as its text, anything else as its JSON. */
    private static String flat(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
