package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LimitsTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension(b -> b.dailyApiLimit(1000)).resetBetweenTests();

    SfHttp http = SfHttp.of(sf);

    @Test
    void everyApiResponseCarriesUsageAndEachCallCounts() {
        HttpResponse<String> r = http.get("/limits");
        assertEquals("api-usage=1/1000", r.headers().firstValue("Sforce-Limit-Info").orElseThrow());
        JsonNode limits = SfHttp.json(r);
        assertEquals(1000, limits.at("/DailyApiRequests/Max").asInt());
        assertEquals(999, limits.at("/DailyApiRequests/Remaining").asInt());
        assertTrue(limits.has("DailyBulkApiBatches"));
        http.get("/query?q=SELECT+Id+FROM+Contact");
        HttpResponse<String> err = http.get("/sobjects/Contact/bad");
        assertEquals("api-usage=3/1000", err.headers().firstValue("Sforce-Limit-Info").orElseThrow());
        assertEquals(3, sf.emulator().apiCallCount());
        HttpResponse<String> token = http.send("POST", "/services/oauth2/token", "grant_type=x", "Content-Type", "application/x-www-form-urlencoded");
        assertTrue(token.headers().firstValue("Sforce-Limit-Info").isEmpty());
        http.get("/__admin/salesforce/api-usage");
        assertEquals(3, sf.emulator().apiCallCount(), "neither OAuth nor admin calls count");
    }

    @Test
    void spentAllocationIsRejectedWith403() {
        sf.emulator().setApiUsage(999);
        assertEquals(200, http.get("/limits").statusCode());
        HttpResponse<String> r = http.get("/limits");
        assertEquals(403, r.statusCode());
        assertEquals("REQUEST_LIMIT_EXCEEDED", SfHttp.errorCode(r));
        assertEquals("TotalRequests Limit exceeded.", SfHttp.json(r).get(0).get("message").asText());
    }

    @Test
    void adminApiDrivesCountersTokensAndRecords() {
        http.get("/limits");
        JsonNode usage = SfHttp.json(http.get("/__admin/salesforce/api-usage"));
        assertEquals(1, usage.get("calls").asInt());
        http.delete("/__admin/salesforce/api-usage");
        assertEquals(0, sf.emulator().apiCallCount());
        http.post("/__admin/salesforce/api-usage", Map.of("used", 1000));
        assertEquals(403, http.get("/limits").statusCode());
        http.post("/__admin/salesforce/api-usage", Map.of("used", 0));

        JsonNode ids = SfHttp.json(http.post("/__admin/salesforce/records/Contact", List.of(Map.of("LastName", "Seed1"), Map.of("LastName", "Seed2"))));
        assertEquals(2, ids.get("ids").size());
        assertEquals(2, SfHttp.json(http.get("/__admin/salesforce/records/Contact")).size());
        assertEquals("REQUIRED_FIELD_MISSING", SfHttp.errorCode(http.post("/__admin/salesforce/records/Contact", Map.of("FirstName", "x"))));
        // ?as= writes as a person, as if typed in the UI
        String typed = SfHttp.json(http.post("/__admin/salesforce/records/Contact?as=" + sf.org().repUserId(),
                Map.of("LastName", "Typed"))).get("ids").get(0).asText();
        assertEquals(sf.org().repUserId(), sf.org().get("Contact", typed).get("LastModifiedById"));
        assertEquals(sf.org().integrationUserId(), sf.org().get("Contact", ids.get("ids").get(0).asText()).get("LastModifiedById"));
        http.patch("/sobjects/Contact/" + ids.get("ids").get(0).asText(), Map.of("Title", "x"), "Sforce-Call-Options", "client=sink-42");
        JsonNode changes = SfHttp.json(http.get("/__admin/salesforce/changes"));
        JsonNode last = changes.get(changes.size() - 1);
        assertEquals("UPDATE", last.get("operation").asText());
        assertEquals("sink-42", last.get("client").asText());

        http.post("/__admin/salesforce/tokens/expire", Map.of());
        assertEquals(401, http.get("/limits").statusCode());
        String fresh = SfHttp.json(http.post("/__admin/salesforce/tokens", Map.of())).get("access_token").asText();
        assertEquals(200, new SfHttp(sf.baseUrl(), fresh).get("/limits").statusCode());
    }

    @Test
    void overlongUriIs414() {
        HttpResponse<String> r = http.get("/query?q=" + "SELECT+Id+FROM+Contact+WHERE+LastName+=+'" + "x".repeat(17_000) + "'");
        assertEquals(414, r.statusCode());
    }
}
