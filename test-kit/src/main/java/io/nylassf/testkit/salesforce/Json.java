package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nylassf.testkit.http.EmulatorResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One shared mapper plus helpers that turn values and errors into responses. */
final class Json {
    /** Strings as long as Salesforce takes (base64 blob data up to 50 MB), beyond Jackson's 20 MB default. */
    static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxStringLength(64 * 1024 * 1024).build()).build());

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static EmulatorResponse ok(int status, Object value) {
        return EmulatorResponse.json(status, write(value));
    }

    static EmulatorResponse errors(List<ApiError> errors) {
        List<Object> body = new ArrayList<>();
        for (ApiError e : errors) {
            body.add(e.toRestBody());
        }
        return EmulatorResponse.json(errors.get(0).httpStatus(), write(body));
    }

    static EmulatorResponse error(int status, String code, String message) {
        return errors(List.of(ApiError.of(status, code, message)));
    }

    /** Parses a JSON body, answering JSON_PARSER_ERROR as Salesforce does for unreadable input. */
    static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw SalesforceException.of(400, "JSON_PARSER_ERROR", "The HTTP entity body is required, but this request has no entity body.");
        }
        try {
            return MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            String msg = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw SalesforceException.of(400, "JSON_PARSER_ERROR", "Unexpected character in request body: " + msg);
        }
    }

    static Object toJava(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        return n.isArray() ? MAPPER.convertValue(n, List.class) : MAPPER.convertValue(n, Map.class);
    }
}
