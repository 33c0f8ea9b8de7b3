package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GrantsTest {
    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension();

    @Test
    void listAndGetGrantsWithDocumentedFields() {
        String id = nylas.emulator().createGrant("list@acme.test", "microsoft");
        Api api = new Api(nylas.emulator());
        Api.Resp list = api.get("/v3/grants?limit=200");
        assertEquals(200, list.status());
        JsonNode found = null;
        for (JsonNode g : list.data()) {
            if (g.path("id").asText().equals(id)) {
                found = g;
            }
        }
        assertTrue(found != null, list.body());
        assertEquals("valid", found.path("grant_status").asText());
        assertEquals("list@acme.test", found.path("email").asText());
        assertEquals("microsoft", found.path("provider").asText());
        assertTrue(found.path("created_at").isIntegralNumber());
        assertTrue(found.path("updated_at").isIntegralNumber());

        Api.Resp one = api.get("/v3/grants/" + id);
        assertEquals(id, one.data().path("id").asText());
        assertEquals(404, api.get("/v3/grants/unknown").status());
    }

    @Test
    void grantsPageByLimitAndOffset() {
        for (int i = 0; i < 5; i++) {
            nylas.emulator().createGrant("page" + i + "@acme.test", "google");
        }
        Api api = new Api(nylas.emulator());
        List<String> seen = new ArrayList<>();
        int total = api.get("/v3/grants?limit=200").data().size();
        for (int offset = 0; offset < total; offset += 2) {
            Api.Resp page = api.get("/v3/grants?limit=2&offset=" + offset);
            assertEquals(2, page.json().path("limit").asInt());
            page.data().forEach(g -> seen.add(g.path("id").asText()));
        }
        assertEquals(total, seen.size());
        assertEquals(total, seen.stream().distinct().count());
        Api.Resp google = api.get("/v3/grants?limit=200&provider=google&email=page3@acme.test");
        assertEquals(1, google.data().size());
    }

    @Test
    void expiredGrantAnswers401WithProviderErrorUntilRestored() {
        NylasEmulator e = nylas.emulator();
        String id = e.createGrant("expire@acme.test", "google");
        Api api = new Api(e);
        assertEquals(200, api.get("/v3/grants/" + id + "/messages").status());

        e.expireGrant(id);
        Api.Resp r = api.get("/v3/grants/" + id + "/messages");
        assertEquals(401, r.status());
        assertEquals("unauthorized", r.errorType());
        assertTrue(r.json().path("error").has("provider_error"), r.body());
        assertEquals(401, api.get("/v3/grants/" + id + "/events?calendar_id=primary").status());
        assertEquals("invalid", api.get("/v3/grants/" + id).data().path("grant_status").asText());

        e.restoreGrant(id);
        assertEquals(200, api.get("/v3/grants/" + id + "/messages").status());
        assertEquals("valid", api.get("/v3/grants/" + id).data().path("grant_status").asText());
    }
}
