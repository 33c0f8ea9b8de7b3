package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code GET /v3/grants} and {@code GET /v3/grants/{id}}. Grants page by {@code limit} (default 10) and
 * {@code offset}, newest first unless {@code order_by=asc}, and the response echoes {@code limit} and
 * {@code offset} instead of carrying a cursor, per the API reference.
 */
final class GrantRoutes {
    private final GrantStore grants;

    GrantRoutes(GrantStore grants) {
        this.grants = grants;
    }

    void register(NylasRouter router) {
        router.app("GET", "/v3/grants", this::list);
        router.app("GET", "/v3/grants/{id}", this::get);
    }

    private EmulatorResponse list(NylasCall call) {
        int limit = call.limit(10, 200);
        Long offsetParam = call.longParam("offset");
        long offset = offsetParam == null ? 0 : offsetParam;
        if (offset < 0) {
            throw NylasErrors.badRequest(call.requestId(), "offset must not be negative.");
        }
        String email = call.param("email");
        String provider = call.param("provider");
        String status = call.param("grant_status");
        Long since = call.longParam("since");
        Long before = call.longParam("before");
        List<ObjectNode> all = new ArrayList<>(grants.all());
        if (!"asc".equals(call.param("order_by"))) {
            Collections.reverse(all);
        }
        List<ObjectNode> matching = all.stream()
                .filter(g -> email == null || email.equalsIgnoreCase(g.path("email").asText()))
                .filter(g -> provider == null || provider.equals(g.path("provider").asText()))
                .filter(g -> status == null || status.equals(g.path("grant_status").asText()))
                .filter(g -> since == null || g.path("created_at").asLong() >= since)
                .filter(g -> before == null || g.path("created_at").asLong() <= before)
                .toList();
        ArrayNode data = NylasJson.array();
        matching.stream().skip(offset).limit(limit).forEach(data::add);
        ObjectNode out = NylasJson.object();
        out.put("request_id", call.requestId());
        out.set("data", data);
        out.put("limit", limit);
        out.put("offset", offset);
        return NylasJson.respond(200, call.requestId(), out);
    }

    private EmulatorResponse get(NylasCall call) {
        ObjectNode g = grants.get(call.pathParam("id"));
        if (g == null) {
            throw NylasErrors.notFound(call.requestId(), "Grant " + call.pathParam("id") + " not found.");
        }
        return NylasJson.single(call.requestId(), g);
    }
}
