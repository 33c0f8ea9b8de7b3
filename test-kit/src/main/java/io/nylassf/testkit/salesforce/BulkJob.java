package io.nylassf.testkit.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Bulk API 2.0 ingest job's state: what it writes, the uploaded CSV and the rows it has processed. Guarded
 * by its own monitor: the endpoint and the background processor both synchronize on the job.
 */
final class BulkJob {
    final String id;
    final String object;
    final String operation;
    final String externalIdField;
    final String lineEnding;
    final String createdById;
    final String createdDate;
    final WriteContext writeContext;
    String state = "Open";
    String errorMessage;
    final StringBuilder csv = new StringBuilder();
    List<String> header;
    final List<List<String>> successes = new ArrayList<>();
    final List<List<String>> failures = new ArrayList<>();
    final List<List<String>> unprocessed = new ArrayList<>();
    int processed;
    int failed;

    BulkJob(String id, String object, String operation, String externalIdField, String lineEnding,
            String createdById, String createdDate, WriteContext writeContext) {
        this.id = id;
        this.object = object;
        this.operation = operation;
        this.externalIdField = externalIdField;
        this.lineEnding = lineEnding;
        this.createdById = createdById;
        this.createdDate = createdDate;
        this.writeContext = writeContext;
    }

    synchronized boolean isFinished() {
        return state.equals("JobComplete") || state.equals("Failed") || state.equals("Aborted");
    }

    /** Reads the uploaded CSV: sets {@link #header} and returns the data rows. Malformed CSV throws. */
    synchronized List<List<String>> parseUpload() {
        List<List<String>> all = BulkCsvFormat.parse(csv.toString());
        if (all.isEmpty()) {
            return List.of();
        }
        header = all.get(0);
        return new ArrayList<>(all.subList(1, all.size()));
    }

    /** {@code sf__Id}, {@code sf__Created} (or {@code sf__Error}), then the uploaded columns, row by row. */
    synchronized String resultsCsv(boolean success) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("sf__Id", success ? "sf__Created" : "sf__Error"));
        head.addAll(header == null ? List.of() : header);
        rows.add(head);
        rows.addAll(success ? successes : failures);
        return BulkCsvFormat.write(rows);
    }

    /** The uploaded header, then the rows never processed. */
    synchronized String unprocessedCsv() {
        List<List<String>> rows = new ArrayList<>();
        if (header != null) {
            rows.add(header);
        }
        rows.addAll(unprocessed);
        return BulkCsvFormat.write(rows);
    }

    /** The job info resource, as {@code GET /jobs/ingest/{id}} returns it. */
    synchronized Map<String, Object> info(String version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("operation", operation);
        m.put("object", object);
        m.put("createdById", createdById);
        m.put("createdDate", createdDate);
        m.put("systemModstamp", createdDate);
        m.put("state", state);
        if (externalIdField != null) {
            m.put("externalIdFieldName", externalIdField);
        }
        m.put("concurrencyMode", "Parallel");
        m.put("contentType", "CSV");
        m.put("apiVersion", Double.parseDouble(version.substring(1)));
        m.put("jobType", "V2Ingest");
        m.put("contentUrl", "services/data/" + version + "/jobs/ingest/" + id + "/batches");
        m.put("lineEnding", lineEnding);
        m.put("columnDelimiter", "COMMA");
        m.put("numberRecordsProcessed", processed);
        m.put("numberRecordsFailed", failed);
        m.put("retries", 0);
        m.put("totalProcessingTime", 0);
        if (errorMessage != null) {
            m.put("errorMessage", errorMessage);
        }
        return m;
    }
}
