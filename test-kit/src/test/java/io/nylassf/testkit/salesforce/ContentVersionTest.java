package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Salesforce Files: a ContentVersion inserted with base64 VersionData, published to a record. */
class ContentVersionTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension().resetBetweenTests();

    SfHttp http = SfHttp.of(sf);

    private static Map<String, Object> file(String taskId, String data) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Title", "quote.pdf");
        f.put("PathOnClient", "quote.pdf");
        f.put("VersionData", data);
        f.put("FirstPublishLocationId", taskId);
        f.put("Nylas_Attachment_Id__c", "att-1");
        return f;
    }

    @Test
    void aFileIsPublishedToItsRecord() {
        String task = sf.org().insert("Task", Map.of("Subject", "Quote"));
        String data = Base64.getEncoder().encodeToString("%PDF quote".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.post("/sobjects/ContentVersion/", file(task, data));
        assertEquals(201, r.statusCode(), r.body());
        String id = SfHttp.json(r).get("id").asText();
        assertTrue(id.startsWith("068"), id);
        JsonNode rows = SfHttp.json(http.get("/query?q=" + java.net.URLEncoder.encode(
                "SELECT Id, FirstPublishLocationId, ContentDocumentId, ContentSize, FileExtension, IsLatest "
                        + "FROM ContentVersion WHERE Nylas_Attachment_Id__c IN ('att-1')", StandardCharsets.UTF_8)))
                .get("records");
        assertEquals(1, rows.size());
        assertEquals(task, rows.get(0).get("FirstPublishLocationId").asText());
        assertTrue(rows.get(0).get("ContentDocumentId").asText().startsWith("069"));
        assertEquals(10, rows.get(0).get("ContentSize").asInt());
        assertEquals("pdf", rows.get(0).get("FileExtension").asText());
        assertTrue(rows.get(0).get("IsLatest").asBoolean());
        String document = rows.get(0).get("ContentDocumentId").asText();
        JsonNode links = SfHttp.json(http.get("/query?q=" + java.net.URLEncoder.encode(
                "SELECT LinkedEntityId, ShareType FROM ContentDocumentLink WHERE ContentDocumentId = '" + document
                        + "'", StandardCharsets.UTF_8))).get("records");
        assertEquals(2, links.size(), links.toString());
        java.util.Map<String, String> shares = new java.util.HashMap<>();
        links.forEach(l -> shares.put(l.get("LinkedEntityId").asText(), l.get("ShareType").asText()));
        assertEquals(Map.of(task, "V", sf.org().integrationUserId(), "I"), shares,
                "shared with the publish location and the owner");
        assertEquals(id, sf.org().get("ContentDocument", document).get("LatestPublishedVersionId"));
    }

    @Test
    void versionDataMustBeBase64AndIsRequired() {
        String task = sf.org().insert("Task", Map.of("Subject", "Quote"));
        HttpResponse<String> bad = http.post("/sobjects/ContentVersion/", file(task, "not base64 !!"));
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("JSON_PARSER_ERROR", SfHttp.json(bad).get(0).get("errorCode").asText());
        Map<String, Object> none = file(task, "AA==");
        none.remove("VersionData");
        HttpResponse<String> missing = http.post("/sobjects/ContentVersion/", none);
        assertEquals(400, missing.statusCode(), missing.body());
        assertEquals("REQUIRED_FIELD_MISSING", SfHttp.json(missing).get(0).get("errorCode").asText());
        Map<String, Object> noPath = file(task, "AA==");
        noPath.remove("PathOnClient");
        assertEquals(400, http.post("/sobjects/ContentVersion/", noPath).statusCode());
    }

    @Test
    void versionDataOverTheJsonLimitIsRefused() {
        String task = sf.org().insert("Task", Map.of("Subject", "Quote"));
        String big = Base64.getEncoder().encodeToString(new byte[StandardSchemas.VERSION_DATA_MAX + 1]);
        HttpResponse<String> r = http.post("/sobjects/ContentVersion/", file(task, big));
        assertEquals(400, r.statusCode());
        assertEquals("STRING_TOO_LONG", SfHttp.json(r).get(0).get("errorCode").asText());
    }

    @Test
    void thePublishLocationIsSetOnCreateOnly() {
        String task = sf.org().insert("Task", Map.of("Subject", "Quote"));
        String other = sf.org().insert("Task", Map.of("Subject", "Other"));
        String id = SfHttp.json(http.post("/sobjects/ContentVersion/", file(task, "AA=="))).get("id").asText();
        HttpResponse<String> r = http.patch("/sobjects/ContentVersion/" + id,
                Map.of("FirstPublishLocationId", other));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", SfHttp.json(r).get(0).get("errorCode").asText());
        assertEquals(List.of(task), List.of(sf.org().get("ContentVersion", id).get("FirstPublishLocationId")));
    }
}
