package io.nylassf.testkit.salesforce;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code Sforce-Auto-Assign} as the REST API documents it: with an active Lead assignment rule, a REST write of a
 * Lead that sends TRUE, or no header at all (the default is TRUE), is assigned by the rule, on create and on
 * update; FALSE keeps the owner given (or the writer); an AssignmentRule Id runs on create only; other objects and
 * the Java-side test API are not assigned; an inactive User cannot own a record.
 */
class AssignmentRulesTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension().resetBetweenTests();

    SfHttp http = SfHttp.of(sf);

    @AfterEach
    void noRule() {
        sf.org().activateLeadAssignmentRule(null);
    }

    String owner(String sobject, String id) {
        return (String) sf.org().get(sobject, id).get("OwnerId");
    }

    String created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return SfHttp.json(r).get("id").asText();
    }

    @Test
    void theActiveRuleAssignsLeadsUnlessTheWriteSaysFalse() {
        String integration = sf.org().integrationUserId();
        String rep = sf.org().repUserId();
        String queue = sf.org().insert("User", Map.of("Username", "sdr@nylassf.example", "Email", "sdr@x.test",
                "LastName", "Sdr"));
        Map<String, Object> lead = Map.of("LastName", "Ng", "Company", "X");

        String before = created(http.post("/sobjects/Lead/", lead));
        assertEquals(integration, owner("Lead", before), "no active rule: the writer owns it");

        sf.org().activateLeadAssignmentRule(queue);
        assertEquals(queue, owner("Lead", created(http.post("/sobjects/Lead/", lead))), "no header means TRUE");
        assertEquals(queue, owner("Lead", created(http.post("/sobjects/Lead/", lead, "Sforce-Auto-Assign", "true"))));
        String kept = created(http.post("/sobjects/Lead/", Map.of("LastName", "Ng", "Company", "X", "OwnerId", rep),
                "Sforce-Auto-Assign", "FALSE"));
        assertEquals(rep, owner("Lead", kept));

        // updates: FALSE keeps the owner, no header runs the rule again
        assertEquals(204, http.patch("/sobjects/Lead/" + kept, Map.of("Title", "CTO"), "Sforce-Auto-Assign",
                "FALSE").statusCode());
        assertEquals(rep, owner("Lead", kept));
        assertEquals(204, http.patch("/sobjects/Lead/" + kept, Map.of("Title", "CEO")).statusCode());
        assertEquals(queue, owner("Lead", kept));

        // a rule's Id: on create only
        String byId = created(http.post("/sobjects/Lead/", lead, "Sforce-Auto-Assign", "01Q000000000001"));
        assertEquals(queue, owner("Lead", byId));
        sf.org().update("Lead", byId, Map.of("OwnerId", rep));
        assertEquals(204, http.patch("/sobjects/Lead/" + byId, Map.of("Title", "VP"), "Sforce-Auto-Assign",
                "01Q000000000001").statusCode());
        assertEquals(rep, owner("Lead", byId));

        // Contacts have no assignment rules; the Java-side API is no REST call
        assertEquals(integration, owner("Contact", created(http.post("/sobjects/Contact/", Map.of("LastName", "Ng")))));
        assertEquals(integration, owner("Lead", sf.org().insert("Lead", lead)));
    }

    @Test
    void compositeSubrequestsCarryTheirOwnHeader() {
        String queue = sf.org().insert("User", Map.of("Username", "sdr2@nylassf.example", "Email", "sdr@x.test",
                "LastName", "Sdr"));
        sf.org().activateLeadAssignmentRule(queue);
        Map<String, Object> records = Map.of("allOrNone", false, "records", List.of(Map.of("attributes",
                Map.of("type", "Lead"), "LastName", "Ng", "Company", "X")));
        HttpResponse<String> r = http.post("/composite", Map.of("allOrNone", false, "compositeRequest", List.of(
                Map.of("method", "POST", "url", "/services/data/v62.0/composite/sobjects", "referenceId", "a",
                        "body", records, "httpHeaders", Map.of("Sforce-Auto-Assign", "FALSE")),
                Map.of("method", "POST", "url", "/services/data/v62.0/composite/sobjects", "referenceId", "b",
                        "body", records))));
        assertEquals(200, r.statusCode(), r.body());
        var resp = SfHttp.json(r).get("compositeResponse");
        assertEquals(sf.org().integrationUserId(), owner("Lead", resp.get(0).get("body").get(0).get("id").asText()));
        assertEquals(queue, owner("Lead", resp.get(1).get("body").get(0).get("id").asText()));
    }

    @Test
    void anInactiveUserCannotOwnARecord() {
        String gone = sf.org().insert("User", Map.of("Username", "gone@nylassf.example", "Email", "gone@x.test",
                "LastName", "Gone", "IsActive", false));
        HttpResponse<String> r = http.post("/sobjects/Task/", Map.of("Subject", "x", "OwnerId", gone));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("INACTIVE_OWNER_OR_USER", SfHttp.errorCode(r));
        assertEquals("America/Los_Angeles", sf.org().get("User", gone).get("TimeZoneSidKey"));
    }
}
