package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BulkIngestTest {
    @RegisterExtension
    static SalesforceEmulatorExtension sf = new SalesforceEmulatorExtension(b -> b.bulkProcessingDelay(Duration.ofMillis(60)))
            .resetBetweenTests();

    SfHttp http = SfHttp.of(sf);

    private String newJob(Map<String, Object> spec) {
        HttpResponse<String> r = http.post("/jobs/ingest", spec);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode job = SfHttp.json(r);
        assertEquals("Open", job.get("state").asText());
        return job.get("id").asText();
    }

    private JsonNode awaitDone(String id) {
        return await("job " + id + " finishes").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> SfHttp.json(http.get("/jobs/ingest/" + id)),
                        job -> List.of("JobComplete", "Failed", "Aborted").contains(job.get("state").asText()));
    }

    @Test
    void insertLifecycleWithQuotedCsvAndFailedRows() throws Exception {
        String id = newJob(Map.of("object", "Task", "operation", "insert", "contentType", "CSV", "lineEnding", "LF"));
        String csv = "Subject,Description,Nylas_Message_Id__c\n"
                + "\"Re: lunch, Friday\",\"Line one\nline \"\"two\"\"\",m-1\n"
                + "\"" + "x".repeat(300) + "\",too long,m-2\n"
                + "Plain,,m-3\n";
        HttpResponse<String> up = http.send("PUT", "/jobs/ingest/" + id + "/batches", csv, "Content-Type", "text/csv");
        assertEquals(201, up.statusCode(), up.body());
        JsonNode state = SfHttp.json(http.patch("/jobs/ingest/" + id, Map.of("state", "UploadComplete")));
        assertEquals("UploadComplete", state.get("state").asText());
        assertEquals(409, http.send("PUT", "/jobs/ingest/" + id + "/batches", csv, "Content-Type", "text/csv").statusCode());

        JsonNode done = awaitDone(id);
        assertEquals("JobComplete", done.get("state").asText());
        assertEquals(3, done.get("numberRecordsProcessed").asInt());
        assertEquals(1, done.get("numberRecordsFailed").asInt());

        List<List<String>> ok = Csv.parse(http.get("/jobs/ingest/" + id + "/successfulResults/").body());
        assertEquals(List.of("sf__Id", "sf__Created", "Subject", "Description", "Nylas_Message_Id__c"), ok.get(0));
        assertEquals(3, ok.size());
        assertEquals("Re: lunch, Friday", ok.get(1).get(2));
        assertEquals("Line one\nline \"two\"", ok.get(1).get(3));
        assertEquals("true", ok.get(1).get(1));
        assertEquals("Line one\nline \"two\"", sf.org().get("Task", ok.get(1).get(0)).get("Description"));

        List<List<String>> failed = Csv.parse(http.get("/jobs/ingest/" + id + "/failedResults/").body());
        assertEquals(List.of("sf__Id", "sf__Error", "Subject", "Description", "Nylas_Message_Id__c"), failed.get(0));
        assertEquals(2, failed.size());
        assertEquals("", failed.get(1).get(0));
        assertTrue(failed.get(1).get(1).startsWith("STRING_TOO_LONG:"), failed.get(1).get(1));
        assertEquals("m-2", failed.get(1).get(4));
        assertEquals(2, sf.org().count("Task"));
    }

    @Test
    void aJobFailingMidwayKeepsItsProcessedRowsAndListsTheRestAsUnprocessed() throws Exception {
        String id = newJob(Map.of("object", "Task", "operation", "insert", "contentType", "CSV"));
        http.send("PUT", "/jobs/ingest/" + id + "/batches", "Subject\nA\nB\nC\nD\n", "Content-Type", "text/csv");
        sf.emulator().failNextBulkJobAfter(2);
        http.patch("/jobs/ingest/" + id, Map.of("state", "UploadComplete"));
        JsonNode done = awaitDone(id);
        assertEquals("Failed", done.get("state").asText());
        assertEquals(2, done.get("numberRecordsProcessed").asInt());
        assertEquals(3, Csv.parse(http.get("/jobs/ingest/" + id + "/successfulResults/").body()).size());
        assertEquals(List.of(List.of("Subject"), List.of("C"), List.of("D")),
                Csv.parse(http.get("/jobs/ingest/" + id + "/unprocessedrecords/").body()));
        assertEquals(2, sf.org().count("Task"));
    }

    @Test
    void aJobAbortedMidwayStopsAndListsTheRestAsUnprocessed() throws Exception {
        sf.emulator().bulkRowDelay(Duration.ofMillis(50));
        try {
            String id = newJob(Map.of("object", "Task", "operation", "insert", "contentType", "CSV"));
            StringBuilder csv = new StringBuilder("Subject\n");
            for (int i = 0; i < 40; i++) {
                csv.append("S").append(i).append('\n');
            }
            http.send("PUT", "/jobs/ingest/" + id + "/batches", csv.toString(), "Content-Type", "text/csv");
            http.patch("/jobs/ingest/" + id, Map.of("state", "UploadComplete"));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> SfHttp.json(http.get("/jobs/ingest/" + id)).get("numberRecordsProcessed").asInt() > 0);
            assertEquals("Aborted", SfHttp.json(http.patch("/jobs/ingest/" + id, Map.of("state", "Aborted")))
                    .get("state").asText());
            // the worker stops: still Aborted, no more rows written, the rest listed as unprocessed
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> {
                JsonNode job = SfHttp.json(http.get("/jobs/ingest/" + id));
                int n = job.get("numberRecordsProcessed").asInt();
                return job.get("state").asText().equals("Aborted") && n == sf.org().count("Task")
                        && Csv.parse(http.get("/jobs/ingest/" + id + "/unprocessedrecords/").body()).size() == 40 - n + 1;
            });
            JsonNode done = SfHttp.json(http.get("/jobs/ingest/" + id));
            assertEquals("Aborted", done.get("state").asText(), "never JobComplete after an abort");
            int processed = done.get("numberRecordsProcessed").asInt();
            assertTrue(processed > 0 && processed < 40, "aborted mid-way: " + processed);
            assertEquals(processed, sf.org().count("Task"));
            assertEquals(40 - processed + 1,
                    Csv.parse(http.get("/jobs/ingest/" + id + "/unprocessedrecords/").body()).size());
        } finally {
            sf.emulator().bulkRowDelay(Duration.ZERO);
        }
    }

    @Test
    void upsertJobReportsCreatedAndUpdated() throws Exception {
        sf.org().insert("Contact", Map.of("LastName", "Old", "Nylas_Contact_Id__c", "c-1"));
        String id = newJob(Map.of("object", "Contact", "operation", "upsert", "externalIdFieldName", "Nylas_Contact_Id__c"));
        http.send("PUT", "/jobs/ingest/" + id + "/batches", "Nylas_Contact_Id__c,LastName,Title\nc-1,New,\nc-2,Fresh,#N/A\n", "Content-Type", "text/csv");
        http.patch("/jobs/ingest/" + id, Map.of("state", "UploadComplete"));
        assertEquals("JobComplete", awaitDone(id).get("state").asText());
        List<List<String>> ok = Csv.parse(http.get("/jobs/ingest/" + id + "/successfulResults/").body());
        assertEquals("false", ok.get(1).get(1));
        assertEquals("true", ok.get(2).get(1));
        assertEquals(2, sf.org().count("Contact"));
        assertEquals("New", sf.org().query("SELECT LastName FROM Contact WHERE Nylas_Contact_Id__c = 'c-1'").records().get(0).get("LastName"));
    }

    @Test
    void unknownColumnFailsTheJobAndAbortLeavesRowsUnprocessed() throws Exception {
        String bad = newJob(Map.of("object", "Contact", "operation", "insert"));
        http.send("PUT", "/jobs/ingest/" + bad + "/batches", "LastName,Bogus__c\nA,b\n", "Content-Type", "text/csv");
        http.patch("/jobs/ingest/" + bad, Map.of("state", "UploadComplete"));
        JsonNode failed = awaitDone(bad);
        assertEquals("Failed", failed.get("state").asText());
        assertTrue(failed.get("errorMessage").asText().contains("Bogus__c"));

        String aborted = newJob(Map.of("object", "Contact", "operation", "insert"));
        http.send("PUT", "/jobs/ingest/" + aborted + "/batches", "LastName\nA\nB\n", "Content-Type", "text/csv");
        assertEquals("Aborted", SfHttp.json(http.patch("/jobs/ingest/" + aborted, Map.of("state", "Aborted"))).get("state").asText());
        assertEquals(0, sf.org().count("Contact"));
        assertEquals(404, http.get("/jobs/ingest/750000000000000AAA").statusCode());
        assertEquals(400, http.post("/jobs/ingest", Map.of("object", "Nope", "operation", "insert")).statusCode());
    }
}
