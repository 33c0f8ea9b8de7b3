package io.nylassf.connect.common.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.http.ApiException.Kind;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Bulk API 2.0 ingest job's lifecycle: {@link #create} it, {@link #upload} CSV, {@link #uploadComplete()}, then
 * poll {@link #info()} until {@link Info#isFinal()}, and read {@link #successfulResults()} /
 * {@link #failedResults()} / {@link #unprocessedRecords()}. Each method is one API call; nothing here waits.
 */
public final class BulkIngestJob {
    /** A job's state and counters. */
    public record Info(String state, long processed, long failed, String errorMessage) {
        public boolean isFinal() {
            return "JobComplete".equals(state) || "Failed".equals(state) || "Aborted".equals(state);
        }
    }

    private final SalesforceHttp http;
    private final String id;

    BulkIngestJob(SalesforceHttp http, String id) {
        this.http = http;
        this.id = SalesforceRequests.recordId(id);
    }

    /**
     * Creates an ingest job ({@code insert}, {@code update}, {@code upsert}, {@code delete}) taking LF-ended CSV;
     * {@code externalIdField} only for upsert.
     */
    static BulkIngestJob create(SalesforceHttp http, String sobject, String operation, String externalIdField) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", sobject);
        body.put("operation", operation);
        if (externalIdField != null) {
            body.put("externalIdFieldName", externalIdField);
        }
        body.put("contentType", "CSV");
        body.put("lineEnding", "LF");
        JsonNode n = http.sendJson("POST", "/jobs/ingest", body, "bulk create " + sobject);
        return new BulkIngestJob(http, n.path("id").asText());
    }

    public String id() {
        return id;
    }

    /** The job's data, as {@link BulkCsv#write} makes it. */
    public void upload(String csv) {
        http.send("PUT", "/jobs/ingest/" + id + "/batches", csv.getBytes(StandardCharsets.UTF_8), "text/csv",
                "bulk upload");
    }

    public void uploadComplete() {
        http.sendJson("PATCH", "/jobs/ingest/" + id, Map.of("state", "UploadComplete"), "bulk close");
    }

    public void abort() {
        http.sendJson("PATCH", "/jobs/ingest/" + id, Map.of("state", "Aborted"), "bulk abort");
    }

    public Info info() {
        JsonNode n = http.sendJson("GET", "/jobs/ingest/" + id, null, "bulk job info");
        return new Info(n.path("state").asText(), n.path("numberRecordsProcessed").asLong(),
                n.path("numberRecordsFailed").asLong(), SalesforceErrors.text(n, "errorMessage"));
    }

    /** Rows with {@code sf__Id}, {@code sf__Created} and the uploaded columns. */
    public List<Map<String, String>> successfulResults() {
        return results("successfulResults");
    }

    /** Rows with {@code sf__Id}, {@code sf__Error} and the uploaded columns (order not guaranteed). */
    public List<Map<String, String>> failedResults() {
        return results("failedResults");
    }

    /** Rows never processed (job aborted or failed before reaching them). */
    public List<Map<String, String>> unprocessedRecords() {
        return results("unprocessedrecords");
    }

    private List<Map<String, String>> results(String resource) {
        SalesforceHttp.Result r = http.send("GET", "/jobs/ingest/" + id + "/" + resource + "/", null, null,
                "bulk results");
        try {
            return BulkCsv.read(r.body());
        } catch (UncheckedIOException e) {
            throw new ApiException(Kind.TRANSIENT, r.status(), null, "bulk results: unreadable CSV", null, e);
        }
    }
}
