package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Enhanced Email as the object reference describes it: people through EmailMessageRelation, never RelatedToId. */
class EmailMessageRelationTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension().resetBetweenTests();

    SfHttp http = SfHttp.of(sf);

    private String email() {
        return sf.org().insert("EmailMessage", Map.of("Subject", "Hi", "Status", "3"));
    }

    @Test
    void relatedToIdTakesAccountsAndOpportunitiesButNoPerson() {
        String account = sf.org().insert("Account", Map.of("Name", "Acme"));
        String lead = sf.org().insert("Lead", Map.of("LastName", "Ko", "Company", "Beta"));
        String contact = sf.org().insert("Contact", Map.of("LastName", "Lee"));
        assertEquals(201, http.post("/sobjects/EmailMessage/", Map.of("Subject", "a", "Status", "3",
                "RelatedToId", account)).statusCode());
        for (String person : new String[] {lead, contact}) {
            HttpResponse<String> r = http.post("/sobjects/EmailMessage/", Map.of("Subject", "b", "Status", "3",
                    "RelatedToId", person));
            assertEquals(400, r.statusCode(), r.body());
            assertEquals("FIELD_INTEGRITY_EXCEPTION", SfHttp.errorCode(r));
        }
    }

    @Test
    void relationsLinkContactsLeadsAndUsersAndKnowTheirObjectType() {
        String em = email();
        String contact = sf.org().insert("Contact", Map.of("LastName", "Lee", "Email", "ann@acme.com"));
        String lead = sf.org().insert("Lead", Map.of("LastName", "Ko", "Company", "Beta"));
        String user = sf.org().repUserId();
        Map<String, String> types = Map.of(contact, "FromAddress", lead, "ToAddress", user, "CcAddress");
        types.forEach((id, type) -> {
            HttpResponse<String> r = http.post("/sobjects/EmailMessageRelation/", Map.of("EmailMessageId", em,
                    "RelationId", id, "RelationType", type, "RelationAddress", "x@y.test"));
            assertEquals(201, r.statusCode(), r.body());
        });
        JsonNode q = SfHttp.json(http.get("/query?q=" + java.net.URLEncoder.encode("SELECT RelationId, "
                + "RelationObjectType, RelationType FROM EmailMessageRelation WHERE EmailMessageId = '" + em
                + "' ORDER BY RelationType", java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(3, q.get("totalSize").asInt(), q.toString());
        assertEquals("User", q.at("/records/0/RelationObjectType").asText());
        assertEquals("Contact", q.at("/records/1/RelationObjectType").asText());
        assertEquals("Lead", q.at("/records/2/RelationObjectType").asText());
    }

    @Test
    void relationsRefuseWhatTheApiRefuses() {
        String em = email();
        String account = sf.org().insert("Account", Map.of("Name", "Acme"));
        HttpResponse<String> notAPerson = http.post("/sobjects/EmailMessageRelation/", Map.of("EmailMessageId", em,
                "RelationId", account, "RelationType", "ToAddress"));
        assertEquals("FIELD_INTEGRITY_EXCEPTION", SfHttp.errorCode(notAPerson), notAPerson.body());
        HttpResponse<String> badType = http.post("/sobjects/EmailMessageRelation/", Map.of("EmailMessageId", em,
                "RelationAddress", "a@b.test", "RelationType", "ReplyTo"));
        assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", SfHttp.errorCode(badType), badType.body());
        HttpResponse<String> noType = http.post("/sobjects/EmailMessageRelation/", Map.of("EmailMessageId", em,
                "RelationAddress", "a@b.test"));
        assertEquals("REQUIRED_FIELD_MISSING", SfHttp.errorCode(noType), noType.body());
        HttpResponse<String> nobody = http.post("/sobjects/EmailMessageRelation/", Map.of("EmailMessageId", em,
                "RelationType", "ToAddress"));
        assertEquals("REQUIRED_FIELD_MISSING", SfHttp.errorCode(nobody), nobody.body());

        HttpResponse<String> ok = http.post("/sobjects/EmailMessageRelation/", Map.of("EmailMessageId", em,
                "RelationAddress", "a@b.test", "RelationType", "ToAddress"));
        String id = SfHttp.json(ok).get("id").asText();
        HttpResponse<String> retype = http.patch("/sobjects/EmailMessageRelation/" + id,
                Map.of("RelationType", "CcAddress"));
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", SfHttp.errorCode(retype), "create-only");
        HttpResponse<String> readOnly = http.post("/sobjects/EmailMessageRelation/", Map.of("EmailMessageId", em,
                "RelationAddress", "a@b.test", "RelationType", "ToAddress", "RelationObjectType", "Lead"));
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", SfHttp.errorCode(readOnly));
    }
}
