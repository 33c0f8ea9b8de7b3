package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CompositeTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension().resetBetweenTests();

    SfHttp http = SfHttp.of(sf);

    static Map<String, Object> sub(String method, String url, String ref, Object body) {
        return body == null ? Map.of("method", method, "url", url, "referenceId", ref)
                : Map.of("method", method, "url", url, "referenceId", ref, "body", body);
    }

    @Test
    void referencesResolveAndTheWholeCallCountsOnce() {
        sf.emulator().resetApiCallCount();
        HttpResponse<String> r = http.post("/composite", Map.of("allOrNone", true, "compositeRequest", List.of(
                sub("POST", "/services/data/v62.0/sobjects/Account", "acct", Map.of("Name", "Acme")),
                sub("POST", "/services/data/v62.0/sobjects/Contact", "ct", Map.of("LastName", "Ng", "AccountId", "@{acct.id}")),
                sub("GET", "/services/data/v62.0/query?q=SELECT+Id,AccountId+FROM+Contact", "q", null),
                sub("PATCH", "/services/data/v62.0/sobjects/Contact/@{q.records[0].Id}", "upd", Map.of("Title", "Owner of @{acct.id}")))));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode res = SfHttp.json(r).get("compositeResponse");
        assertEquals(4, res.size());
        assertEquals(201, res.get(0).get("httpStatusCode").asInt());
        assertEquals("acct", res.get(0).get("referenceId").asText());
        assertEquals(201, res.get(1).get("httpStatusCode").asInt());
        assertEquals(200, res.get(2).get("httpStatusCode").asInt());
        assertEquals(204, res.get(3).get("httpStatusCode").asInt());
        String acct = res.get(0).at("/body/id").asText();
        Map<String, Object> contact = sf.org().all("Contact").get(0);
        assertEquals(acct, contact.get("AccountId"));
        assertEquals("Owner of " + acct, contact.get("Title"));
        assertEquals(1, sf.emulator().apiCallCount());
    }

    @Test
    void allOrNoneRollsBackAndHaltsTheOthers() {
        HttpResponse<String> r = http.post("/composite", Map.of("allOrNone", true, "compositeRequest", List.of(
                sub("POST", "/services/data/v62.0/sobjects/Account", "acct", Map.of("Name", "Acme")),
                sub("POST", "/services/data/v62.0/sobjects/Contact", "bad", Map.of("FirstName", "NoLast")),
                sub("POST", "/services/data/v62.0/sobjects/Contact", "later", Map.of("LastName", "L")))));
        JsonNode res = SfHttp.json(r).get("compositeResponse");
        assertEquals(200, r.statusCode());
        assertEquals("PROCESSING_HALTED", res.get(0).at("/body/0/errorCode").asText());
        assertEquals("REQUIRED_FIELD_MISSING", res.get(1).at("/body/0/errorCode").asText());
        assertEquals(400, res.get(1).get("httpStatusCode").asInt());
        assertEquals("PROCESSING_HALTED", res.get(2).at("/body/0/errorCode").asText());
        assertEquals(0, sf.org().count("Account"));
    }

    @Test
    void withoutAllOrNoneAFailedReferenceHaltsOnlyItsDependants() {
        JsonNode res = SfHttp.json(http.post("/composite", Map.of("allOrNone", false, "compositeRequest", List.of(
                sub("POST", "/services/data/v62.0/sobjects/Account", "bad", Map.of("Website", "x")),
                sub("POST", "/services/data/v62.0/sobjects/Contact", "dep", Map.of("LastName", "N", "AccountId", "@{bad.id}")),
                sub("POST", "/services/data/v62.0/sobjects/Contact", "ok", Map.of("LastName", "O")))))).get("compositeResponse");
        assertEquals(400, res.get(0).get("httpStatusCode").asInt());
        assertEquals("PROCESSING_HALTED", res.get(1).at("/body/0/errorCode").asText());
        assertEquals(201, res.get(2).get("httpStatusCode").asInt());
        assertEquals(1, sf.org().count("Contact"));
    }

    @Test
    void moreThan25SubrequestsIsRejected() {
        List<Object> subs = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            subs.add(sub("GET", "/services/data/v62.0/limits", "r" + i, null));
        }
        assertEquals(400, http.post("/composite", Map.of("compositeRequest", subs)).statusCode());
    }
}
