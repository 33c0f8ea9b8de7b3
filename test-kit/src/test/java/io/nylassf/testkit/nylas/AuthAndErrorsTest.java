package io.nylassf.testkit.nylas;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthAndErrorsTest {
    @RegisterExtension
    static NylasEmulatorExtension nylas = new NylasEmulatorExtension();
    static String grant;

    @BeforeAll
    static void grant() {
        grant = nylas.emulator().createGrant("ada@acme.test", "google");
    }

    @Test
    void missingAuthorizationIs401InTheDocumentedShape() {
        Api.Resp r = new Api(nylas.emulator().baseUrl(), null).get("/v3/grants/" + grant + "/messages");
        assertEquals(401, r.status());
        assertEquals("api.authentication_error", r.errorType());
        assertFalse(r.json().path("error").has("provider_error"), "a key problem is not a grant problem");
        assertFalse(r.json().path("error").path("message").asText().isEmpty());
        assertFalse(r.json().path("request_id").asText().isEmpty());
    }

    @Test
    void wrongApiKeyIs401() {
        Api.Resp r = new Api(nylas.emulator().baseUrl(), "nyk_wrong").get("/v3/grants");
        assertEquals(401, r.status());
        assertEquals("api.authentication_error", r.errorType());
        Api.Resp scoped = new Api(nylas.emulator().baseUrl(), "nyk_wrong").get("/v3/grants/" + grant + "/messages");
        assertEquals(401, scoped.status());
        assertFalse(scoped.json().path("error").has("provider_error"), scoped.body());
    }

    @Test
    void aRotatedKeyIsRefusedLikeAnInvalidOne() {
        String old = nylas.emulator().apiKey();
        try {
            nylas.emulator().rotateApiKey("nyk_rotated");
            Api.Resp r = new Api(nylas.emulator().baseUrl(), old).get("/v3/grants/" + grant + "/messages");
            assertEquals(401, r.status());
            assertEquals("api.authentication_error", r.errorType());
            assertEquals(200, new Api(nylas.emulator().baseUrl(), "nyk_rotated").get("/v3/grants").status());
        } finally {
            nylas.emulator().rotateApiKey(old);
        }
    }

    @Test
    void unknownGrantIs404NotFound() {
        Api.Resp r = new Api(nylas.emulator()).get("/v3/grants/nope/messages");
        assertEquals(404, r.status());
        assertEquals("not_found_error", r.errorType());
    }

    @Test
    void everyResponseCarriesARequestIdInBodyAndHeader() {
        Api.Resp r = new Api(nylas.emulator()).get("/v3/grants/" + grant + "/messages");
        assertEquals(200, r.status());
        String rid = r.json().path("request_id").asText();
        assertFalse(rid.isEmpty());
        assertEquals(rid, r.header("X-Request-Id"));
        assertTrue(r.data().isArray());
        assertFalse(r.json().has("next_cursor"), "an empty mailbox is a last page");
    }

    @Test
    void unknownObjectIs404AndBadJsonIs400() {
        Api api = new Api(nylas.emulator());
        Api.Resp missing = api.get("/v3/grants/" + grant + "/messages/does-not-exist");
        assertEquals(404, missing.status());
        assertEquals("not_found_error", missing.errorType());
        Api.Resp bad = api.post("/v3/grants/" + grant + "/contacts", "{not json");
        assertEquals(400, bad.status());
        assertEquals("invalid_request_error", bad.errorType());
    }

    @Test
    void singleObjectAndDeleteShapes() {
        Api api = new Api(nylas.emulator());
        String id = nylas.emulator().addContact(grant, java.util.Map.of("given_name", "Leyah")).get("id").asText();
        Api.Resp one = api.get("/v3/grants/" + grant + "/contacts/" + id);
        assertEquals(id, one.data().path("id").asText());
        Api.Resp del = api.delete("/v3/grants/" + grant + "/contacts/" + id);
        assertEquals(200, del.status());
        assertEquals(1, del.json().size(), "delete answers {request_id} only: " + del.body());
        assertTrue(del.json().has("request_id"));
    }

    @Test
    void requestsAreCountedPerEndpoint() {
        long before = nylas.emulator().requestCount("GET /v3/grants/{grantId}/calendars");
        new Api(nylas.emulator()).get("/v3/grants/" + grant + "/calendars");
        assertEquals(before + 1, nylas.emulator().requestCount("GET /v3/grants/{grantId}/calendars"));
        assertTrue(nylas.emulator().requestCount() > 0);
    }
}
