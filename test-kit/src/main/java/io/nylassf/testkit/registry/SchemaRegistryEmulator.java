package io.nylassf.testkit.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorException;
import io.nylassf.testkit.http.EmulatorHttpServer;
import io.nylassf.testkit.http.EmulatorRequest;
import io.nylassf.testkit.http.EmulatorResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the Apicurio Registry v2 REST API ({@code /apis/registry/v2}) that serializers and converters use:
 * create an artifact version (with {@code ifExists} and the extended body carrying references), read artifact and
 * version metadata, and fetch content and references by global ID, content ID or coordinates. State is in memory;
 * the same content of an artifact is one version, and identical content shares one content ID. Errors answer
 * in the registry's shape ({@code {"error_code":404,"message":...}}).
 */
public final class SchemaRegistryEmulator implements AutoCloseable {
    public static final String API = "/apis/registry/v2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> IF_EXISTS = Set.of("FAIL", "UPDATE", "RETURN", "RETURN_OR_UPDATE");

    private record Version(long globalId, long contentId, String groupId, String artifactId, String version,
                           String type, long createdOn) {
    }

    private final EmulatorHttpServer server;
    private final Map<String, List<Version>> artifacts = new LinkedHashMap<>();
    private final Map<Long, Version> byGlobalId = new LinkedHashMap<>();
    private final Map<String, Long> contentIds = new LinkedHashMap<>();
    private final Map<Long, String> contents = new LinkedHashMap<>();
    private final Map<Long, JsonNode> references = new LinkedHashMap<>();
    private long nextGlobalId = 1;

    public SchemaRegistryEmulator() {
        server = new EmulatorHttpServer("schema-registry", "127.0.0.1", 0, (kind, r, retryAfter) ->
                error(Integer.parseInt(kind), "injected fault"));
        server.route("POST", API + "/groups/{group}/artifacts", this::create)
                .route("GET", API + "/groups/{group}/artifacts/{artifact}/meta", r -> meta(latest(r)))
                .route("GET", API + "/groups/{group}/artifacts/{artifact}", r -> content(latest(r).contentId()))
                .route("GET", API + "/groups/{group}/artifacts/{artifact}/versions/{version}/meta",
                        r -> meta(version(r)))
                .route("GET", API + "/groups/{group}/artifacts/{artifact}/versions/{version}",
                        r -> content(version(r).contentId()))
                .route("GET", API + "/groups/{group}/artifacts/{artifact}/versions/{version}/references",
                        r -> refs(version(r).contentId()))
                .route("GET", API + "/ids/globalIds/{id}", r -> content(global(r).contentId()))
                .route("GET", API + "/ids/globalIds/{id}/references", r -> refs(global(r).contentId()))
                .route("GET", API + "/ids/contentIds/{id}", r -> content(contentId(r)))
                .route("GET", API + "/ids/contentIds/{id}/references", r -> refs(contentId(r)));
        server.start();
    }

    /** The registry URL a converter is given ({@code apicurio.registry.url}). */
    public String url() {
        return server.baseUrl() + API;
    }

    /** Versions registered so far, all artifacts together. */
    public synchronized int versions() {
        return byGlobalId.size();
    }

    private synchronized EmulatorResponse create(EmulatorRequest r) throws Exception {
        String group = r.pathParam("group");
        String artifactId = r.header("X-Registry-ArtifactId");
        if (artifactId == null || artifactId.isBlank()) {
            throw new EmulatorException(error(400, "X-Registry-ArtifactId is required by this registry"));
        }
        String ifExists = r.queryParam("ifExists") == null ? "FAIL" : r.queryParam("ifExists");
        if (!IF_EXISTS.contains(ifExists)) {
            throw new EmulatorException(error(400, "ifExists must be one of " + IF_EXISTS));
        }
        String contentType = r.header("Content-Type") == null ? "" : r.header("Content-Type");
        String content = r.bodyAsString();
        JsonNode refs = JSON.createArrayNode();
        if (contentType.startsWith("application/create.extended+json")) {
            JsonNode body = JSON.readTree(content);
            content = body.path("content").asText(null);
            refs = body.path("references").isArray() ? body.get("references") : refs;
            if (content == null) {
                throw new EmulatorException(error(400, "an extended create needs content"));
            }
        }
        if (content.isBlank()) {
            throw new EmulatorException(error(400, "empty content"));
        }
        String type = r.header("X-Registry-ArtifactType") == null ? "AVRO" : r.header("X-Registry-ArtifactType");
        String key = group + "/" + artifactId;
        List<Version> versions = artifacts.get(key);
        if (versions != null) {
            Version same = null;
            for (Version v : versions) {
                if (contents.get(v.contentId()).equals(content)) {
                    same = v;
                }
            }
            switch (ifExists) {
                case "FAIL" -> throw new EmulatorException(error(409, "An artifact with ID '" + artifactId
                        + "' in group '" + group + "' already exists."));
                case "RETURN" -> {
                    return meta(versions.get(versions.size() - 1));
                }
                case "RETURN_OR_UPDATE" -> {
                    if (same != null) {
                        return meta(same);
                    }
                }
                default -> {
                }
            }
        }
        long contentId = contentIds.computeIfAbsent(content, c -> (long) contentIds.size() + 1);
        contents.put(contentId, content);
        references.putIfAbsent(contentId, refs);
        List<Version> list = artifacts.computeIfAbsent(key, k -> new ArrayList<>());
        Version v = new Version(nextGlobalId++, contentId, group, artifactId, String.valueOf(list.size() + 1), type,
                System.currentTimeMillis());
        list.add(v);
        byGlobalId.put(v.globalId(), v);
        return meta(v);
    }

    private synchronized Version latest(EmulatorRequest r) {
        List<Version> versions = artifacts.get(r.pathParam("group") + "/" + r.pathParam("artifact"));
        if (versions == null) {
            throw new EmulatorException(error(404, "No artifact with ID '" + r.pathParam("artifact")
                    + "' in group '" + r.pathParam("group") + "' was found."));
        }
        return versions.get(versions.size() - 1);
    }

    private synchronized Version version(EmulatorRequest r) {
        String wanted = r.pathParam("version");
        if ("latest".equals(wanted)) {
            return latest(r);
        }
        for (Version v : artifacts.getOrDefault(r.pathParam("group") + "/" + r.pathParam("artifact"), List.of())) {
            if (v.version().equals(wanted)) {
                return v;
            }
        }
        throw new EmulatorException(error(404, "No version '" + wanted + "' found for artifact with ID '"
                + r.pathParam("artifact") + "' in group '" + r.pathParam("group") + "'."));
    }

    private synchronized Version global(EmulatorRequest r) {
        Version v = byGlobalId.get(id(r));
        if (v == null) {
            throw new EmulatorException(error(404, "No artifact with global ID '" + r.pathParam("id")
                    + "' was found."));
        }
        return v;
    }

    private synchronized long contentId(EmulatorRequest r) {
        long id = id(r);
        if (!contents.containsKey(id)) {
            throw new EmulatorException(error(404, "No content with ID '" + id + "' was found."));
        }
        return id;
    }

    private static long id(EmulatorRequest r) {
        try {
            return Long.parseLong(r.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new EmulatorException(error(400, "not an ID: " + r.pathParam("id")));
        }
    }

    private synchronized EmulatorResponse content(long contentId) {
        return EmulatorResponse.of(200, "application/json", contents.get(contentId).getBytes(StandardCharsets.UTF_8));
    }

    private synchronized EmulatorResponse refs(long contentId) throws Exception {
        return EmulatorResponse.json(200, JSON.writeValueAsString(references.get(contentId)));
    }

    private static EmulatorResponse meta(Version v) throws Exception {
        ObjectNode m = JSON.createObjectNode();
        m.put("groupId", v.groupId()).put("id", v.artifactId()).put("version", v.version()).put("type", v.type())
                .put("globalId", v.globalId()).put("contentId", v.contentId()).put("state", "ENABLED")
                .put("createdOn", dateTime(v.createdOn())).put("modifiedOn", dateTime(v.createdOn())).put("createdBy", "")
                .put("modifiedBy", "");
        m.putArray("labels");
        m.putArray("references");
        return EmulatorResponse.json(200, JSON.writeValueAsString(m));
    }

    /** The API's date-time format: UTC to the second, e.g. {@code 2019-05-17T12:00:00Z}. */
    private static String dateTime(long epochMs) {
        return Instant.ofEpochMilli(epochMs).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static EmulatorResponse error(int status, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.put("error_code", status).put("message", message).put("name",
                status == 404 ? "ArtifactNotFoundException" : status == 409 ? "ArtifactAlreadyExistsException"
                        : "BadRequestException");
        try {
            return EmulatorResponse.json(status, JSON.writeValueAsString(e));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
