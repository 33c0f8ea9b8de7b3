package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DuplicateRulesTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension().resetBetweenTests();

    SfHttp http = SfHttp.of(sf);

    @Test
    void matchingEmailIsRejectedWithTheMatchedRecord() {
        String lead = sf.org().insert("Lead", Map.of("LastName", "L", "Company", "Acme", "Email", "Pat@Example.com"));
        HttpResponse<String> r = http.post("/sobjects/Contact/", Map.of("LastName", "Pat", "Email", "pat@example.com"));
        assertEquals(400, r.statusCode());
        JsonNode err = SfHttp.json(r).get(0);
        assertEquals("DUPLICATES_DETECTED", err.get("errorCode").asText());
        JsonNode match = err.at("/duplicateResult/matchResults/0");
        assertEquals("Lead", match.get("entityType").asText());
        assertEquals(lead, match.at("/matchRecords/0/record/Id").asText());
        assertEquals(0, sf.org().count("Contact"));

        HttpResponse<String> upsert = http.patch("/sobjects/Contact/Nylas_Contact_Id__c/p1", Map.of("LastName", "Pat", "Email", "pat@example.com"));
        assertEquals("DUPLICATES_DETECTED", SfHttp.errorCode(upsert));
    }

    @Test
    void allowSaveHeaderOverrides() {
        sf.org().insert("Contact", Map.of("LastName", "A", "Email", "a@example.com"));
        HttpResponse<String> r = http.post("/sobjects/Contact/", Map.of("LastName", "A2", "Email", "a@example.com"),
                "Sforce-Duplicate-Rule-Header", "allowSave=true; includeRecordDetails=true");
        assertEquals(201, r.statusCode(), r.body());
    }

    @Test
    void collectionsReportPerItemAndRulesCanBeSwitchedOff() {
        sf.org().insert("Contact", Map.of("LastName", "A", "Email", "a@example.com"));
        JsonNode res = SfHttp.json(http.post("/composite/sobjects", Map.of("records", List.of(
                CollectionsTest.rec("Lead", "LastName", "X", "Company", "C", "Email", "A@example.com"),
                CollectionsTest.rec("Lead", "LastName", "Y", "Company", "C", "Email", "y@example.com")))));
        assertFalse(res.get(0).get("success").asBoolean());
        assertEquals("DUPLICATES_DETECTED", res.get(0).at("/errors/0/statusCode").asText());
        assertEquals("Contact", res.get(0).at("/errors/0/duplicateResult/matchResults/0/entityType").asText());
        assertEquals(true, res.get(1).get("success").asBoolean());

        sf.org().clearDuplicateRules();
        try {
            assertEquals(201, http.post("/sobjects/Contact/", Map.of("LastName", "B", "Email", "a@example.com")).statusCode());
        } finally {
            sf.org().addDuplicateRule("Contact", "Email", "Contact", "Lead");
            sf.org().addDuplicateRule("Lead", "Email", "Lead", "Contact");
        }
    }
}
