package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpsertTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension().resetBetweenTests();

    SfHttp http = SfHttp.of(sf);

    @Test
    void createsThenUpdates() {
        HttpResponse<String> first = http.patch("/sobjects/Contact/Nylas_Contact_Id__c/nyl-1", Map.of("LastName", "One", "Email", "one@example.com"));
        assertEquals(201, first.statusCode(), first.body());
        JsonNode b = SfHttp.json(first);
        assertTrue(b.get("created").asBoolean());
        assertTrue(b.get("success").asBoolean());
        String id = b.get("id").asText();
        assertEquals("nyl-1", sf.org().get("Contact", id).get("Nylas_Contact_Id__c"));

        HttpResponse<String> second = http.patch("/sobjects/Contact/Nylas_Contact_Id__c/nyl-1", Map.of("Title", "VP"));
        assertEquals(200, second.statusCode(), second.body());
        assertFalse(SfHttp.json(second).get("created").asBoolean());
        assertEquals(id, SfHttp.json(second).get("id").asText());
        assertEquals("VP", sf.org().get("Contact", id).get("Title"));
        assertEquals(1, sf.org().count("Contact"));
        // before API 46 an update answered 204 with no body
        assertEquals(204, http.send("PATCH", "/services/data/v45.0/sobjects/Contact/Nylas_Contact_Id__c/nyl-1", Map.of("Title", "CEO")).statusCode());
    }

    @Test
    void valueIsUrlDecodedAndMatchedCaseInsensitively() {
        http.patch("/sobjects/Contact/Nylas_Contact_Id__c/a%2Fb%20c", Map.of("LastName", "Slash"));
        assertEquals("a/b c", sf.org().all("Contact").get(0).get("Nylas_Contact_Id__c"));
        assertEquals(200, http.patch("/sobjects/Contact/nylas_contact_id__c/A%2FB%20C", Map.of("Title", "x")).statusCode());
    }

    @Test
    void severalMatchesAnswer300WithRecordUrls() {
        String a = sf.org().insert("Contact", Map.of("LastName", "A", "Nylas_Contact_Id__c", "dup"));
        String b = sf.org().insert("Contact", Map.of("LastName", "B", "Nylas_Contact_Id__c", "dup"));
        HttpResponse<String> r = http.patch("/sobjects/Contact/Nylas_Contact_Id__c/dup", Map.of("Title", "x"));
        assertEquals(300, r.statusCode());
        JsonNode urls = SfHttp.json(r);
        assertEquals("/services/data/v62.0/sobjects/Contact/" + a, urls.get(0).asText());
        assertEquals("/services/data/v62.0/sobjects/Contact/" + b, urls.get(1).asText());
        assertEquals(null, sf.org().get("Contact", a).get("Title"), "nothing written");
    }

    @Test
    void unknownFieldIs404AndKeyInBodyIs400() {
        HttpResponse<String> r = http.patch("/sobjects/Contact/NoSuch__c/1", Map.of("LastName", "X"));
        assertEquals(404, r.statusCode());
        assertEquals("NOT_FOUND", SfHttp.errorCode(r));
        assertEquals(400, http.patch("/sobjects/Contact/Nylas_Contact_Id__c/1", Map.of("LastName", "X", "Nylas_Contact_Id__c", "1")).statusCode());
        assertEquals(400, http.patch("/sobjects/Contact/Nylas_Contact_Id__c/1", Map.of("LastName", "X", "Id", "003000000000001")).statusCode());
        assertEquals("REQUIRED_FIELD_MISSING", SfHttp.errorCode(http.patch("/sobjects/Lead/Nylas_Contact_Id__c/9", Map.of("LastName", "X"))));
    }

    @Test
    void readByExternalId() {
        String id = sf.org().insert("Task", Map.of("Subject", "Mail", "Nylas_Message_Id__c", "msg-7"));
        JsonNode r = SfHttp.json(http.get("/sobjects/Task/Nylas_Message_Id__c/msg-7"));
        assertEquals(id, r.get("Id").asText());
    }
}
