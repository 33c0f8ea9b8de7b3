package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.http.EmulatorException;
import io.nylassf.testkit.http.EmulatorHttpServer;
import io.nylassf.testkit.http.EmulatorHandler;
import io.nylassf.testkit.http.EmulatorResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-control API under {@code /__admin/salesforce} (no auth, no counting, never faulted), so a standalone
 * emulator can be driven with curl.
 */
final class AdminEndpoint {
    private static final String P = EmulatorHttpServer.ADMIN_PREFIX + "/salesforce";
    private final SalesforceEmulator sf;

    AdminEndpoint(SalesforceEmulator sf) {
        this.sf = sf;
    }

    void register(EmulatorHttpServer s) {
        s.route("POST", P + "/tokens", r -> Json.ok(200, Map.of("access_token", sf.issueToken(), "instance_url", sf.baseUrl())));
        s.route("POST", P + "/tokens/expire", r -> {
            sf.expireAllTokens();
            return Json.ok(200, Map.of("expired", true));
        });
        s.route("GET", P + "/api-usage", r -> Json.ok(200, usage()));
        s.route("DELETE", P + "/api-usage", r -> {
            sf.resetApiCallCount();
            return Json.ok(200, usage());
        });
        s.route("POST", P + "/api-usage", r -> {
            sf.setApiUsage(Json.parse(r.body()).path("used").asLong());
            return Json.ok(200, usage());
        });
        s.route("GET", P + "/changes", r -> Json.ok(200, changes()));
        s.route("POST", P + "/reset", r -> {
            sf.org().clear();
            sf.resetApiCallCount();
            sf.setApiUsage(0);
            return Json.ok(200, Map.of("reset", true));
        });
        s.route("POST", P + "/duplicate-rules/clear", r -> {
            sf.org().clearDuplicateRules();
            return Json.ok(200, Map.of("duplicateRules", 0));
        });
        s.route("GET", P + "/records/{sobject}", guarded(r -> Json.ok(200, sf.org().all(r.pathParam("sobject")))));
        s.route("POST", P + "/records/{sobject}", guarded(r -> {
            JsonNode body = Json.parse(r.body());
            List<String> ids = new ArrayList<>();
            // ?as=<UserId> writes as that person (as if typed in the UI); otherwise as the integration user
            String as = r.queryParam("as");
            for (JsonNode rec : body.isArray() ? body : List.of(body)) {
                ids.add(as == null || as.isBlank()
                        ? sf.org().insert(r.pathParam("sobject"), SObjectEndpoint.fields(rec))
                        : sf.org().insertAs(as, r.pathParam("sobject"), SObjectEndpoint.fields(rec)));
            }
            return Json.ok(201, Map.of("ids", ids));
        }));
    }

    private Map<String, Object> usage() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calls", sf.apiCallCount());
        m.put("used", sf.apiUsage());
        m.put("max", sf.dailyApiLimit());
        return m;
    }

    private List<Object> changes() {
        List<Object> out = new ArrayList<>();
        for (Change c : sf.org().changes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sequence", c.sequence());
            m.put("sobject", c.sobject());
            m.put("id", c.id());
            m.put("operation", c.operation());
            m.put("client", c.client());
            m.put("timestamp", FieldValues.SF_DATETIME.format(c.timestamp()));
            m.put("changedFields", c.changedFields());
            out.add(m);
        }
        return out;
    }

    /** Admin handlers answer validation failures in the REST error shape. */
    private static EmulatorHandler guarded(EmulatorHandler h) {
        return r -> {
            try {
                return h.handle(r);
            } catch (SalesforceException e) {
                throw new EmulatorException(Json.errors(e.errors()));
            }
        };
    }

}
