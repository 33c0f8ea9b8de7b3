package io.nylassf.connect.common.salesforce;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A Bulk API 2.0 ingest job: {@link #upload} CSV, {@link #uploadComplete()}, then poll {@link #info()} until
 * {@link Info#isFinal()}, and read {@link #successfulResults()} / {@link #failedResults()}. Each method is one
 * API call; nothing here waits.
 */
public final class BulkIngestJob {
    /** A job's state and counters. */
    public record Info(String state, long processed, long failed, String errorMessage) {
        public boolean isFinal() {
            return "JobComplete".equals(state) || "Failed".equals(state) || "Aborted".equals(state);
        }
    }

    private final SalesforceClient client;
    private final String id;
    private final String object;
    private final String operation;
    private final String externalIdField;

    BulkIngestJob(SalesforceClient client, String id, String object, String operation, String externalIdField) {
        this.client = client;
        this.id = SalesforceClient.recordId(id);
        this.object = object;
        this.operation = operation;
        this.externalIdField = externalIdField;
    }

    public String id() {
        return id;
    }

    public String object() {
        return object;
    }

    public String operation() {
        return operation;
    }

    public String externalIdField() {
        return externalIdField;
    }

    public void upload(String csv) {
        client.send("PUT", "/jobs/ingest/" + id + "/batches", csv.getBytes(StandardCharsets.UTF_8), "text/csv",
                "bulk upload");
    }

    public void uploadComplete() {
        client.sendJson("PATCH", "/jobs/ingest/" + id, Map.of("state", "UploadComplete"), "bulk close");
    }

    public void abort() {
        client.sendJson("PATCH", "/jobs/ingest/" + id, Map.of("state", "Aborted"), "bulk abort");
    }

    public Info info() {
        JsonNode n = client.sendJson("GET", "/jobs/ingest/" + id, null, "bulk job info");
        return new Info(n.path("state").asText(), n.path("numberRecordsProcessed").asLong(),
                n.path("numberRecordsFailed").asLong(), SalesforceErrors.text(n, "errorMessage"));
    }

    /** Rows with {@code sf__Id}, {@code sf__Created} and the uploaded columns. */
    public List<Map<String, String>> successfulResults() {
        return BulkCsv.parseWithHeader(client.send("GET", "/jobs/ingest/" + id + "/successfulResults/", null, null,
                "bulk results").body());
    }

    /** Rows with {@code sf__Id}, {@code sf__Error} and the uploaded columns (order not guaranteed). */
    public List<Map<String, String>> failedResults() {
        return BulkCsv.parseWithHeader(client.send("GET", "/jobs/ingest/" + id + "/failedResults/", null, null,
                "bulk results").body());
    }

    /** Rows never processed (job aborted or failed before reaching them). */
    public List<Map<String, String>> unprocessedRecords() {
        return BulkCsv.parseWithHeader(client.send("GET", "/jobs/ingest/" + id + "/unprocessedrecords/", null, null,
                "bulk results").body());
    }
}
