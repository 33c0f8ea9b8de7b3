package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.nylassf.testkit.http.EmulatorRequest;
import io.nylassf.testkit.http.EmulatorResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /composite}: up to 25 subrequests run in order through the same router (in-process, so the whole
 * call counts as one API request), with {@code @{ref.path}} references into earlier response bodies. Always
 * 200; with allOrNone, the first failure rolls everything back and the other subrequests report PROCESSING_HALTED.
 */
final class CompositeEndpoint {
    static final int MAX_SUBREQUESTS = 25;
    private static final Pattern REF = Pattern.compile("@\\{([A-Za-z0-9_]+)\\.([^}]+)}");
    private static final Pattern SUB_URL = Pattern.compile("^/services/data/(v\\d+\\.\\d+)(/[^?]*)(\\?.*)?$");

    private final Org org;
    private final SalesforceRouter router;
    private Pattern failingSubrequests;
    private int failingCount;
    private final java.util.concurrent.atomic.AtomicLong writeCalls = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong readCalls = new java.util.concurrent.atomic.AtomicLong();

    CompositeEndpoint(Org org, SalesforceRouter router) {
        this.org = org;
        this.router = router;
    }

    /** The next {@code count} subrequests whose URL matches {@code urlRegex} answer 503 SERVER_UNAVAILABLE alone. */
    synchronized void failNextSubrequests(String urlRegex, int count) {
        this.failingSubrequests = Pattern.compile(urlRegex);
        this.failingCount = count;
    }

    private synchronized boolean injectedFailure(String url) {
        if (failingCount > 0 && failingSubrequests.matcher(url).find()) {
            failingCount--;
            return true;
        }
        return false;
    }

    /** Composite calls with at least one write subrequest, and those with reads only (for economy tests). */
    long writeCalls() {
        return writeCalls.get();
    }

    long readCalls() {
        return readCalls.get();
    }

    void register(SalesforceRouter r) {
        r.add("POST", "composite", this::composite);
    }

    private EmulatorResponse composite(ApiCall call) {
        JsonNode body = call.json();
        JsonNode subs = body.path("compositeRequest");
        if (!subs.isArray() || subs.isEmpty()) {
            throw SalesforceException.of(400, "JSON_PARSER_ERROR", "compositeRequest must be a non-empty array");
        }
        if (subs.size() > MAX_SUBREQUESTS) {
            throw SalesforceException.of(400, "LIMIT_EXCEEDED", "Exceeded max limit of subrequests allowed in composite request: " + MAX_SUBREQUESTS);
        }
        Set<String> refIds = new HashSet<>();
        for (JsonNode s : subs) {
            String ref = s.path("referenceId").asText("");
            if (!ref.matches("[A-Za-z][A-Za-z0-9_]*") || !refIds.add(ref)) {
                throw SalesforceException.of(400, "INVALID_INPUT", "Invalid or duplicate referenceId: " + ref);
            }
        }
        boolean writes = false;
        for (JsonNode s : subs) {
            writes |= !"GET".equalsIgnoreCase(s.path("method").asText(""));
        }
        (writes ? writeCalls : readCalls).incrementAndGet();
        boolean allOrNone = body.path("allOrNone").asBoolean(false);
        List<Map<String, Object>> out = org.atomically(() -> run(call, subs, allOrNone));
        return Json.ok(200, Map.of("compositeResponse", out));
    }

    private List<Map<String, Object>> run(ApiCall call, JsonNode subs, boolean allOrNone) {
        Org.Savepoint sp = org.savepoint();
        Map<String, JsonNode> bodies = new HashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        int failedAt = -1;
        for (JsonNode s : subs) {
            String refId = s.path("referenceId").asText();
            if (failedAt >= 0 && allOrNone) {
                out.add(halted(refId, "The transaction was rolled back since another operation in the same transaction failed."));
                continue;
            }
            EmulatorResponse resp;
            try {
                resp = execute(call, s, bodies);
            } catch (SalesforceException e) {
                resp = Json.errors(e.errors());
            }
            JsonNode respBody = null;
            if (resp.body().length > 0) {
                try {
                    respBody = Json.MAPPER.readTree(resp.body());
                } catch (Exception e) {
                    respBody = TextNode.valueOf(resp.bodyAsString());
                }
            }
            if (resp.status() < 400 && respBody != null) {
                bodies.put(refId, respBody);
            }
            if (resp.status() >= 400 && failedAt < 0) {
                failedAt = out.size();
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("body", respBody);
            Map<String, String> headers = new TreeMap<>();
            String location = resp.firstHeader("Location");
            if (location != null) {
                headers.put("Location", location);
            }
            item.put("httpHeaders", headers);
            item.put("httpStatusCode", resp.status());
            item.put("referenceId", refId);
            out.add(item);
        }
        if (failedAt >= 0 && allOrNone) {
            org.rollbackTo(sp);
            for (int i = 0; i < failedAt; i++) {
                out.set(i, halted((String) out.get(i).get("referenceId"),
                        "The transaction was rolled back since another operation in the same transaction failed."));
            }
        }
        return out;
    }

    private EmulatorResponse execute(ApiCall call, JsonNode sub, Map<String, JsonNode> bodies) {
        String method = sub.path("method").asText("").toUpperCase(java.util.Locale.ROOT);
        String url = resolveText(sub.path("url").asText(""), bodies);
        Matcher m = SUB_URL.matcher(url);
        if (!m.matches()) {
            throw SalesforceException.of(400, "INVALID_INPUT", "Invalid URL for a composite subrequest: " + url);
        }
        if (injectedFailure(url)) {
            throw SalesforceException.of(503, "SERVER_UNAVAILABLE", "Service temporarily unavailable; please retry.");
        }
        List<String> segments = SalesforceRouter.segments(m.group(2));
        if (!segments.isEmpty() && segments.get(0).equals("composite") && (segments.size() == 1 || !segments.get(1).equals("sobjects"))) {
            throw SalesforceException.of(400, "INVALID_INPUT", "Composite requests cannot be nested: " + url);
        }
        byte[] body = new byte[0];
        if (sub.has("body") && !sub.get("body").isNull()) {
            body = Json.write(resolveNode(sub.get("body"), bodies)).getBytes(StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new HashMap<>(call.request().headers());
        sub.path("httpHeaders").fields().forEachRemaining(e -> headers.put(e.getKey(), List.of(e.getValue().asText())));
        String rawQuery = m.group(3) == null ? null : m.group(3).substring(1);
        EmulatorRequest req = new EmulatorRequest(method, url.split("\\?", 2)[0], rawQuery, headers, body);
        WriteContext ctx = CallHeaders.writeContext(req, call.ctx().userId(), call.ctx().enforceDuplicateRules());
        return router.dispatch(req, m.group(1), segments, ctx);
    }

    private static Map<String, Object> halted(String refId, String message) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("body", List.of(Map.of("errorCode", "PROCESSING_HALTED", "message", message)));
        item.put("httpHeaders", Map.of());
        item.put("httpStatusCode", 400);
        item.put("referenceId", refId);
        return item;
    }

    /** Replaces references inside a JSON body; a string that is exactly one reference takes the referenced value's type. */
    private static JsonNode resolveNode(JsonNode node, Map<String, JsonNode> bodies) {
        if (node.isTextual()) {
            String t = node.textValue();
            Matcher m = REF.matcher(t);
            if (m.matches()) {
                return lookup(m.group(1), m.group(2), bodies);
            }
            return t.contains("@{") ? TextNode.valueOf(resolveText(t, bodies)) : node;
        }
        if (node.isObject()) {
            ObjectNode copy = Json.MAPPER.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolveNode(e.getValue(), bodies)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(n -> copy.add(resolveNode(n, bodies)));
            return copy;
        }
        return node;
    }

    private static String resolveText(String text, Map<String, JsonNode> bodies) {
        Matcher m = REF.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            JsonNode v = lookup(m.group(1), m.group(2), bodies);
            m.appendReplacement(sb, Matcher.quoteReplacement(v.isValueNode() ? v.asText() : v.toString()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Follows {@code a.b[0].c} in an earlier response body; a missing value halts this subrequest. */
    private static JsonNode lookup(String refId, String path, Map<String, JsonNode> bodies) {
        JsonNode n = bodies.get(refId);
        if (n != null) {
            for (String part : path.split("\\.")) {
                int bracket = part.indexOf('[');
                String name = bracket < 0 ? part : part.substring(0, bracket);
                if (!name.isEmpty()) {
                    n = n.get(name);
                }
                while (n != null && bracket >= 0) {
                    int close = part.indexOf(']', bracket);
                    n = n.get(Integer.parseInt(part.substring(bracket + 1, close)));
                    bracket = part.indexOf('[', close);
                }
                if (n == null) {
                    break;
                }
            }
        }
        if (n == null || n.isNull()) {
            throw SalesforceException.of(400, "PROCESSING_HALTED", "Invalid reference specified. No value for "
                    + refId + "." + path + " found in " + refId + ".");
        }
        return n;
    }
}
