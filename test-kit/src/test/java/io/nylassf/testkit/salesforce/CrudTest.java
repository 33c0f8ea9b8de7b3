package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrudTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension().resetBetweenTests();

    SfHttp http = SfHttp.of(sf);

    @Test
    void javaSideWritesActAsTheIntegrationUserUnlessAnotherUserIsNamed() {
        String integration = sf.org().integrationUserId();
        String rep = sf.org().repUserId();
        String id = sf.org().insert("Contact", Map.of("LastName", "Ng"));
        assertEquals(integration, sf.org().get("Contact", id).get("LastModifiedById"));
        sf.org().updateAs(rep, "Contact", id, Map.of("Title", "Typed"));
        Map<String, Object> rec = sf.org().get("Contact", id);
        assertEquals(rep, rec.get("LastModifiedById"));
        assertEquals(integration, rec.get("CreatedById"));
        String typed = sf.org().insertAs(rep, "Lead", Map.of("LastName", "Ng", "Company", "X"));
        assertEquals(rep, sf.org().get("Lead", typed).get("CreatedById"));
        assertEquals(rep, sf.org().get("Lead", typed).get("LastModifiedById"));
        // a REST write with the integration user's token makes the record the integration user's again
        assertEquals(204, http.patch("/sobjects/Contact/" + id, Map.of("Title", "Synced")).statusCode());
        assertEquals(integration, sf.org().get("Contact", id).get("LastModifiedById"));
    }

    @Test
    void createReadUpdateDelete() {
        HttpResponse<String> created = http.post("/sobjects/Contact/", Map.of("LastName", "Ng", "Email", "ng@example.com"),
                "Sforce-Call-Options", "client=nylas-sync");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = SfHttp.json(created);
        String id = body.get("id").asText();
        assertEquals(18, id.length());
        assertTrue(id.startsWith("003"));
        assertTrue(body.get("success").asBoolean());
        assertEquals(0, body.get("errors").size());
        assertEquals(SalesforceIds.normalize(id.substring(0, 15)), id, "returned id carries its checksum");

        JsonNode rec = SfHttp.json(http.get("/sobjects/Contact/" + id));
        assertEquals("Contact", rec.at("/attributes/type").asText());
        assertEquals("/services/data/v62.0/sobjects/Contact/" + id, rec.at("/attributes/url").asText());
        assertEquals("ng@example.com", rec.get("Email").asText());
        assertEquals(false, rec.get("IsDeleted").asBoolean());
        assertTrue(rec.get("CreatedDate").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000"), rec.get("CreatedDate").asText());
        assertEquals(sf.org().integrationUserId(), rec.get("OwnerId").asText());
        assertTrue(rec.has("SystemModstamp") && rec.has("LastModifiedById"));

        JsonNode partial = SfHttp.json(http.get("/sobjects/Contact/" + id.substring(0, 15) + "?fields=Email,lastname"));
        assertEquals("Ng", partial.get("LastName").asText());
        assertFalse(partial.has("Phone"));

        HttpResponse<String> upd = http.patch("/sobjects/Contact/" + id, Map.of("Title", "CTO"), "Sforce-Call-Options", "client=other");
        assertEquals(204, upd.statusCode(), upd.body());
        assertEquals("CTO", sf.org().get("Contact", id).get("Title"));
        assertEquals("other", sf.org().lastModifiedClient("Contact", id));
        assertEquals("nylas-sync", sf.org().changes().get(0).client());
        assertEquals("CREATE", sf.org().changes().get(0).operation());

        assertEquals(204, http.delete("/sobjects/Contact/" + id).statusCode());
        HttpResponse<String> again = http.get("/sobjects/Contact/" + id);
        assertEquals(404, again.statusCode());
        assertEquals("ENTITY_IS_DELETED", SfHttp.errorCode(again));
        assertEquals("ENTITY_IS_DELETED", SfHttp.errorCode(http.patch("/sobjects/Contact/" + id, Map.of("Title", "x"))));
    }

    @Test
    void validationErrors() {
        HttpResponse<String> missing = http.post("/sobjects/Lead/", Map.of("FirstName", "A"));
        assertEquals(400, missing.statusCode());
        JsonNode err = SfHttp.json(missing).get(0);
        assertEquals("REQUIRED_FIELD_MISSING", err.get("errorCode").asText());
        assertEquals("[\"LastName\",\"Company\"]", err.get("fields").toString());

        HttpResponse<String> tooLong = http.post("/sobjects/Task/", Map.of("Subject", "x".repeat(256)));
        assertEquals("STRING_TOO_LONG", SfHttp.errorCode(tooLong));
        assertEquals("Subject", SfHttp.json(tooLong).get(0).get("fields").get(0).asText());

        HttpResponse<String> unknown = http.post("/sobjects/Contact/", Map.of("LastName", "X", "Foo__c", 1));
        assertEquals(400, unknown.statusCode());
        assertEquals("INVALID_FIELD", SfHttp.errorCode(unknown));
        assertTrue(SfHttp.json(unknown).get(0).get("message").asText().contains("No such column 'Foo__c' on sobject of type Contact"));

        assertEquals("MALFORMED_ID", SfHttp.errorCode(http.get("/sobjects/Contact/not-an-id")));
        assertEquals(404, http.get("/sobjects/Contact/003Hs00000ZZZZZ").statusCode());
        HttpResponse<String> badType = http.post("/sobjects/Nope__c/", Map.of("Name", "x"));
        assertEquals(404, badType.statusCode());
        assertEquals("NOT_FOUND", SfHttp.errorCode(badType));
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", SfHttp.errorCode(http.post("/sobjects/Contact/", Map.of("LastName", "X", "CreatedDate", "2024-01-01T00:00:00Z"))));
        assertEquals("MALFORMED_ID", SfHttp.errorCode(http.post("/sobjects/Contact/", Map.of("LastName", "X", "AccountId", "bad"))));
        assertEquals("JSON_PARSER_ERROR", SfHttp.errorCode(http.post("/sobjects/Contact/", "{not json")));

        String contact = sf.org().insert("Contact", Map.of("LastName", "Who"));
        String task = sf.org().insert("Task", Map.of("Subject", "Call", "WhoId", contact, "TaskSubtype", "Call"));
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", SfHttp.errorCode(http.patch("/sobjects/Task/" + task, Map.of("TaskSubtype", "Email"))));
        assertEquals("Not Started", sf.org().get("Task", task).get("Status"));
    }

    @Test
    void eventNeedsEndOrDurationAndDerivesTheOther() {
        HttpResponse<String> noEnd = http.post("/sobjects/Event/", Map.of("Subject", "Sync", "StartDateTime", "2024-05-01T10:00:00Z"));
        assertEquals("REQUIRED_FIELD_MISSING", SfHttp.errorCode(noEnd));
        HttpResponse<String> ok = http.post("/sobjects/Event/", Map.of("Subject", "Sync", "StartDateTime", "2024-05-01T10:00:00.000+0000", "DurationInMinutes", 30));
        assertEquals(201, ok.statusCode(), ok.body());
        Map<String, Object> ev = sf.org().get("Event", SfHttp.json(ok).get("id").asText());
        assertEquals("2024-05-01T10:30:00.000+0000", ev.get("EndDateTime"));
        assertEquals("2024-05-01", ev.get("ActivityDate"));
    }

    @Test
    void opportunityDerivesIsClosedAndIsWon() {
        String opp = sf.org().insert("Opportunity", Map.of("Name", "Deal", "StageName", "Closed Won", "CloseDate", "2024-06-30"));
        assertEquals(true, sf.org().get("Opportunity", opp).get("IsWon"));
        assertEquals(true, sf.org().get("Opportunity", opp).get("IsClosed"));
    }

    @Test
    void ifUnmodifiedSinceGuardsUpdatesAndDeletes() {
        String id = sf.org().insert("Contact", Map.of("LastName", "Cond"));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        String future = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
        HttpResponse<String> stale = http.patch("/sobjects/Contact/" + id, Map.of("Title", "x"), "If-Unmodified-Since", past);
        assertEquals(412, stale.statusCode());
        assertEquals(412, http.delete("/sobjects/Contact/" + id, "If-Unmodified-Since", past).statusCode());
        assertEquals(204, http.patch("/sobjects/Contact/" + id, Map.of("Title", "x"), "If-Unmodified-Since", future).statusCode());
    }

    @Test
    void describeServesTheSchema() {
        sf.org().declareField("Contact", FieldDef.text("Region__c", 80));
        JsonNode d = SfHttp.json(http.get("/sobjects/Contact/describe/"));
        assertEquals("Contact", d.get("name").asText());
        assertEquals("003", d.get("keyPrefix").asText());
        JsonNode ext = null;
        JsonNode region = null;
        JsonNode lastName = null;
        for (JsonNode f : d.get("fields")) {
            switch (f.get("name").asText()) {
                case "Nylas_Contact_Id__c" -> ext = f;
                case "Region__c" -> region = f;
                case "LastName" -> lastName = f;
                default -> { }
            }
        }
        assertTrue(ext.get("externalId").asBoolean());
        assertTrue(ext.get("idLookup").asBoolean());
        assertEquals(80, region.get("length").asInt());
        assertFalse(lastName.get("nillable").asBoolean());
        assertEquals("string", lastName.get("type").asText());
        JsonNode list = SfHttp.json(http.get("/sobjects/"));
        assertTrue(list.get("sobjects").size() >= 9);
    }
}
