package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CollectionsTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension().resetBetweenTests();

    SfHttp http = SfHttp.of(sf);

    static Map<String, Object> rec(String type, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attributes", Map.of("type", type));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aLockedRecordAnswersUnableToLockRowPerItemUntilCleared() {
        String held = sf.org().insert("Contact", Map.of("LastName", "Held"));
        sf.org().lockRecords("n-locked", held);
        JsonNode ups = SfHttp.json(http.patch("/composite/sobjects/Contact/Nylas_Contact_Id__c", Map.of("allOrNone",
                false, "records", List.of(rec("Contact", "Nylas_Contact_Id__c", "n-locked", "LastName", "L"),
                        rec("Contact", "Nylas_Contact_Id__c", "n-free", "LastName", "F")))));
        assertEquals("UNABLE_TO_LOCK_ROW", ups.get(0).at("/errors/0/statusCode").asText());
        assertTrue(ups.get(1).get("success").asBoolean());
        JsonNode upd = SfHttp.json(http.patch("/composite/sobjects", Map.of("allOrNone", false, "records",
                List.of(rec("Contact", "id", held, "Title", "T")))));
        assertEquals("UNABLE_TO_LOCK_ROW", upd.get(0).at("/errors/0/statusCode").asText(), "still held");
        sf.org().clear();
        assertTrue(SfHttp.json(http.patch("/composite/sobjects/Contact/Nylas_Contact_Id__c", Map.of("allOrNone",
                false, "records", List.of(rec("Contact", "Nylas_Contact_Id__c", "n-locked", "LastName", "L")))))
                .get(0).get("success").asBoolean(), "released by clear()");
    }

    @Test
    void createReportsPerItemResultsInOrder() {
        HttpResponse<String> r = http.post("/composite/sobjects", Map.of("allOrNone", false, "records", List.of(
                rec("Contact", "LastName", "A"), rec("Contact", "FirstName", "NoLast"), rec("Account", "Name", "Acme"))));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode res = SfHttp.json(r);
        assertEquals(3, res.size());
        assertTrue(res.get(0).get("success").asBoolean());
        assertTrue(res.get(0).get("id").asText().startsWith("003"));
        assertFalse(res.get(1).get("success").asBoolean());
        assertFalse(res.get(1).has("id"));
        JsonNode err = res.get(1).get("errors").get(0);
        assertEquals("REQUIRED_FIELD_MISSING", err.get("statusCode").asText());
        assertEquals("LastName", err.get("fields").get(0).asText());
        assertTrue(res.get(2).get("id").asText().startsWith("001"));
        assertEquals(1, sf.org().count("Contact"));
    }

    @Test
    void allOrNoneRollsBackEverything() {
        HttpResponse<String> r = http.post("/composite/sobjects", Map.of("allOrNone", true, "records", List.of(
                rec("Contact", "LastName", "A"), rec("Contact", "LastName", "x".repeat(81)), rec("Contact", "LastName", "C"))));
        JsonNode res = SfHttp.json(r);
        assertEquals(200, r.statusCode());
        assertEquals("ALL_OR_NONE_OPERATION_ROLLED_BACK", res.get(0).at("/errors/0/statusCode").asText());
        assertEquals("STRING_TOO_LONG", res.get(1).at("/errors/0/statusCode").asText());
        assertEquals("ALL_OR_NONE_OPERATION_ROLLED_BACK", res.get(2).at("/errors/0/statusCode").asText());
        assertEquals(0, sf.org().count("Contact"));
        assertTrue(sf.org().changes().isEmpty(), "the change log is rolled back too");
    }

    @Test
    void moreThan200RecordsIsRejected() {
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            records.add(rec("Contact", "LastName", "N" + i));
        }
        HttpResponse<String> r = http.post("/composite/sobjects", Map.of("records", records));
        assertEquals(400, r.statusCode());
        assertEquals("EXCEEDED_ID_LIMIT", SfHttp.errorCode(r));
        assertEquals(0, sf.org().count("Contact"));
    }

    @Test
    void updateUpsertRetrieveDelete() {
        String a = sf.org().insert("Contact", Map.of("LastName", "A"));
        String b = sf.org().insert("Contact", Map.of("LastName", "B"));
        JsonNode upd = SfHttp.json(http.patch("/composite/sobjects", Map.of("records", List.of(
                rec("Contact", "id", a, "Title", "T1"), rec("Contact", "id", "003Hs00000ZZZZZ", "Title", "T2")))));
        assertTrue(upd.get(0).get("success").asBoolean());
        assertEquals("NOT_FOUND", upd.get(1).at("/errors/0/statusCode").asText());
        assertEquals("T1", sf.org().get("Contact", a).get("Title"));

        JsonNode ups = SfHttp.json(http.patch("/composite/sobjects/Contact/Nylas_Contact_Id__c", Map.of("allOrNone", false, "records", List.of(
                rec("Contact", "Nylas_Contact_Id__c", "n1", "LastName", "New"), rec("Contact", "Nylas_Contact_Id__c", "n1", "Title", "again")))));
        assertTrue(ups.get(0).get("created").asBoolean());
        assertFalse(ups.get(1).get("created").asBoolean());
        assertEquals(ups.get(0).get("id"), ups.get(1).get("id"));

        JsonNode got = SfHttp.json(http.get("/composite/sobjects/Contact?ids=" + a + "," + b + "&fields=Id,LastName,Title"));
        assertEquals("A", got.get(0).get("LastName").asText());
        assertEquals("B", got.get(1).get("LastName").asText());

        JsonNode del = SfHttp.json(http.delete("/composite/sobjects?ids=" + a + ",bad&allOrNone=false"));
        assertTrue(del.get(0).get("success").asBoolean());
        assertEquals("MALFORMED_ID", del.get(1).at("/errors/0/statusCode").asText());
        assertEquals(2, sf.org().count("Contact"));
        JsonNode delAll = SfHttp.json(http.delete("/composite/sobjects?ids=" + b + "," + a + "&allOrNone=true"));
        assertEquals("ALL_OR_NONE_OPERATION_ROLLED_BACK", delAll.get(0).at("/errors/0/statusCode").asText());
        assertEquals("ENTITY_IS_DELETED", delAll.get(1).at("/errors/0/statusCode").asText());
        assertEquals(2, sf.org().count("Contact"));
    }
}
