package io.nylassf.testkit.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The registry answers like Apicurio Registry v2 for what converters call. */
class SchemaRegistryEmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"K\",\"fields\":[]}";
    private final SchemaRegistryEmulator registry = new SchemaRegistryEmulator();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void theSameContentIsOneVersionAndANewOneIsTheNext() throws Exception {
        JsonNode first = create("k", SCHEMA, "RETURN_OR_UPDATE");
        JsonNode again = create("k", SCHEMA, "RETURN_OR_UPDATE");
        assertEquals(first.get("globalId"), again.get("globalId"));
        JsonNode next = create("k", SCHEMA.replace("\"K\"", "\"K2\""), "RETURN_OR_UPDATE");
        assertEquals("2", next.get("version").asText());
        assertNotEquals(first.get("contentId"), next.get("contentId"));
        JsonNode other = create("other", SCHEMA, "FAIL");
        assertEquals(first.get("contentId"), other.get("contentId"), "identical content shares its content ID");
        assertEquals(SCHEMA, get("/ids/globalIds/" + first.get("globalId")).body());
        assertEquals("[]", get("/ids/globalIds/" + first.get("globalId") + "/references").body());
    }

    @Test
    void errorsAnswerInTheRegistrysShape() throws Exception {
        create("k", SCHEMA, "FAIL");
        HttpResponse<String> conflict = post("k", SCHEMA, "FAIL");
        assertEquals(409, conflict.statusCode());
        assertEquals(409, JSON.readTree(conflict.body()).get("error_code").asInt());
        HttpResponse<String> missing = get("/ids/globalIds/99");
        assertEquals(404, missing.statusCode());
        assertEquals(404, JSON.readTree(missing.body()).get("error_code").asInt());
        assertEquals(400, post("k", SCHEMA, "SOMETIMES").statusCode());
    }

    private JsonNode create(String artifact, String content, String ifExists) throws Exception {
        HttpResponse<String> r = post(artifact, content, ifExists);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> post(String artifact, String content, String ifExists) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(registry.url() + "/groups/default/artifacts?ifExists="
                        + ifExists)).header("Content-Type", "application/json")
                .header("X-Registry-ArtifactId", artifact).header("X-Registry-ArtifactType", "AVRO")
                .POST(HttpRequest.BodyPublishers.ofString(content)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(registry.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
