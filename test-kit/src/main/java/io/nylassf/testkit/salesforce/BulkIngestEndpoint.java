package io.nylassf.testkit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.nylassf.testkit.http.EmulatorResponse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bulk API 2.0 ingest jobs: create (Open) → upload CSV → UploadComplete → InProgress → JobComplete (or Failed /
 * Aborted). Processing runs on a background thread after a configurable delay, row by row through the same
 * validation as REST, so a job's results carry the same error codes.
 */
final class BulkIngestEndpoint {
    private static final Set<String> OPERATIONS = Set.of("insert", "update", "upsert", "delete", "hardDelete");

    private static final class Job {
        String id;
        String object;
        String operation;
        String externalIdField;
        String lineEnding;
        String state = "Open";
        String createdById;
        String createdDate;
        String errorMessage;
        String client;
        boolean allowSave;
        final StringBuilder csv = new StringBuilder();
        List<String> header;
        final List<List<String>> successes = new ArrayList<>();
        final List<List<String>> failures = new ArrayList<>();
        final List<List<String>> unprocessed = new ArrayList<>();
        int processed;
        int failed;
    }

    private final Org org;
    private final SalesforceIds ids;
    private final ApiLimits limits;
    private final Clock clock;
    private final Duration delay;
    private final ScheduledExecutorService executor;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile long rowDelay;
    private final java.util.concurrent.atomic.AtomicInteger failNextJobAfter = new java.util.concurrent.atomic.AtomicInteger(-1);

    BulkIngestEndpoint(Org org, SalesforceIds ids, ApiLimits limits, Clock clock, Duration delay, ScheduledExecutorService executor) {
        this.org = org;
        this.ids = ids;
        this.limits = limits;
        this.clock = clock;
        this.delay = delay;
        this.executor = executor;
    }

    /** Processing time per row (default none), so a test can make a job outlast a client's timeout. */
    void rowDelay(Duration d) {
        this.rowDelay = d.toMillis();
    }

    /** The next job to be processed stops after {@code rows} rows and ends Failed; the rest are unprocessed. */
    void failNextJobAfter(int rows) {
        failNextJobAfter.set(rows);
    }

    /** Job id → state, in no particular order. */
    Map<String, String> states() {
        Map<String, String> out = new LinkedHashMap<>();
        jobs.forEach((id, j) -> {
            synchronized (j) {
                out.put(id, j.state);
            }
        });
        return out;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void register(SalesforceRouter r) {
        r.add("POST", "jobs/ingest", this::create)
         .add("GET", "jobs/ingest", this::list)
         .add("GET", "jobs/ingest/{id}", c -> Json.ok(200, info(job(c), c.version())))
         .add("PATCH", "jobs/ingest/{id}", this::changeState)
         .add("DELETE", "jobs/ingest/{id}", this::delete)
         .add("PUT", "jobs/ingest/{id}/batches", this::upload)
         .add("GET", "jobs/ingest/{id}/successfulResults", c -> results(c, true))
         .add("GET", "jobs/ingest/{id}/failedResults", c -> results(c, false))
         .add("GET", "jobs/ingest/{id}/unprocessedrecords", this::unprocessed);
    }

    private EmulatorResponse create(ApiCall call) {
        JsonNode body = call.json();
        String object = body.path("object").asText(null);
        String operation = body.path("operation").asText(null);
        SObjectSchema s = object == null ? null : org.schemaOrNull(object);
        if (s == null) {
            throw SalesforceException.of(400, "INVALIDENTITY", "Entity '" + object + "' is not supported by the Bulk API.");
        }
        if (operation == null || !OPERATIONS.contains(operation)) {
            throw SalesforceException.of(400, "INVALIDJOB", "Invalid operation: " + operation);
        }
        String ext = body.path("externalIdFieldName").asText(null);
        if (operation.equals("upsert")) {
            FieldDef f = ext == null ? null : s.field(ext);
            if (f == null || !(f.externalId() || f.type() == FieldType.ID)) {
                throw SalesforceException.of(400, "INVALIDJOB", "External ID was blank or not found for " + s.name() + ": " + ext);
            }
            ext = f.name();
        }
        String contentType = body.path("contentType").asText("CSV");
        if (!contentType.equals("CSV")) {
            throw SalesforceException.of(400, "INVALIDJOB", "contentType must be CSV");
        }
        Job job = new Job();
        job.id = ids.next("750");
        job.object = s.name();
        job.operation = operation;
        job.externalIdField = ext;
        job.lineEnding = body.path("lineEnding").asText("LF");
        job.createdById = call.ctx().userId();
        job.createdDate = FieldValues.SF_DATETIME.format(clock.instant());
        job.client = call.ctx().client();
        job.allowSave = call.ctx().allowDuplicateSave();
        jobs.put(job.id, job);
        return Json.ok(200, info(job, call.version()));
    }

    private EmulatorResponse list(ApiCall call) {
        List<Object> records = new ArrayList<>();
        for (Job j : jobs.values()) {
            records.add(info(j, call.version()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", true);
        body.put("records", records);
        body.put("nextRecordsUrl", null);
        return Json.ok(200, body);
    }

    private EmulatorResponse upload(ApiCall call) {
        Job job = job(call);
        synchronized (job) {
            if (!job.state.equals("Open")) {
                throw SalesforceException.of(409, "INVALIDJOBSTATE", "Job is not open for uploads (state " + job.state + ")");
            }
            String ct = call.request().header("Content-Type");
            if (ct != null && !ct.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
                throw SalesforceException.of(400, "INVALIDJOB", "Unsupported Content-Type: " + ct);
            }
            job.csv.append(new String(call.request().body(), StandardCharsets.UTF_8));
        }
        limits.countBulkBatch();
        return EmulatorResponse.empty(201);
    }

    private EmulatorResponse changeState(ApiCall call) {
        Job job = job(call);
        String target = call.json().path("state").asText("");
        synchronized (job) {
            if (target.equals("UploadComplete")) {
                if (!job.state.equals("Open")) {
                    throw SalesforceException.of(409, "INVALIDJOBSTATE", "Job is not Open (state " + job.state + ")");
                }
                job.state = "UploadComplete";
                long ms = Math.max(0, delay.toMillis());
                executor.schedule(() -> start(job), ms / 2, TimeUnit.MILLISECONDS);
                executor.schedule(() -> process(job), ms, TimeUnit.MILLISECONDS);
            } else if (target.equals("Aborted")) {
                if (job.state.equals("JobComplete") || job.state.equals("Failed")) {
                    throw SalesforceException.of(409, "INVALIDJOBSTATE", "Cannot abort a job in state " + job.state);
                }
                job.state = "Aborted";
            } else {
                throw SalesforceException.of(400, "INVALIDJOBSTATE", "Invalid state transition to " + target);
            }
            return Json.ok(200, info(job, call.version()));
        }
    }

    private EmulatorResponse delete(ApiCall call) {
        Job job = job(call);
        synchronized (job) {
            if (job.state.equals("UploadComplete") || job.state.equals("InProgress")) {
                throw SalesforceException.of(409, "INVALIDJOBSTATE", "Cannot delete a job in state " + job.state);
            }
            jobs.remove(job.id);
        }
        return EmulatorResponse.empty(204);
    }

    private EmulatorResponse results(ApiCall call, boolean success) {
        Job job = job(call);
        synchronized (job) {
            requireFinished(job);
            List<List<String>> rows = new ArrayList<>();
            List<String> head = new ArrayList<>(List.of("sf__Id", success ? "sf__Created" : "sf__Error"));
            head.addAll(job.header == null ? List.of() : job.header);
            rows.add(head);
            rows.addAll(success ? job.successes : job.failures);
            return EmulatorResponse.text(200, "text/csv", Csv.write(rows));
        }
    }

    private EmulatorResponse unprocessed(ApiCall call) {
        Job job = job(call);
        synchronized (job) {
            List<List<String>> rows = new ArrayList<>();
            if (job.header != null) {
                rows.add(job.header);
            }
            rows.addAll(job.unprocessed);
            return EmulatorResponse.text(200, "text/csv", Csv.write(rows));
        }
    }

    private static void requireFinished(Job job) {
        if (!(job.state.equals("JobComplete") || job.state.equals("Failed") || job.state.equals("Aborted"))) {
            throw SalesforceException.of(409, "INVALIDJOBSTATE", "Job is not complete (state " + job.state + ")");
        }
    }

    private Job job(ApiCall call) {
        Job job = jobs.get(call.param("id"));
        if (job == null) {
            throw SalesforceException.of(404, "NOT_FOUND", "The requested resource does not exist");
        }
        return job;
    }

    private void start(Job job) {
        synchronized (job) {
            if (job.state.equals("UploadComplete")) {
                job.state = "InProgress";
            }
        }
    }

    /** Processes every row; a header naming an unknown field fails the whole job, as Salesforce does. */
    private void process(Job job) {
        List<List<String>> rows;
        synchronized (job) {
            if (job.state.equals("Aborted")) {
                parseInto(job);
                job.unprocessed.addAll(dataRows(job));
                return;
            }
            job.state = "InProgress";
            try {
                rows = parseInto(job);
            } catch (IllegalArgumentException e) {
                job.state = "Failed";
                job.errorMessage = "ClientInputError : " + e.getMessage();
                return;
            }
            if (job.header == null) {
                job.state = "Failed";
                job.errorMessage = "InvalidBatch : no data uploaded";
                return;
            }
            SObjectSchema s = org.schema(job.object);
            for (String col : job.header) {
                if (s.field(col) == null) {
                    job.state = "Failed";
                    job.errorMessage = "InvalidBatch : Field name not found : " + col;
                    job.unprocessed.addAll(rows);
                    return;
                }
            }
        }
        WriteContext ctx = new WriteContext(job.createdById, job.client, true, job.allowSave);
        int failAfter = failNextJobAfter.getAndSet(-1);
        for (int i = 0; i < rows.size(); i++) {
            synchronized (job) {
                if (i == failAfter) {
                    // a job interrupted by the platform: Failed, processed rows keep their results
                    job.state = "Failed";
                    job.errorMessage = "InternalServerError : the job was interrupted; retry the unprocessed records";
                    job.unprocessed.addAll(rows.subList(i, rows.size()));
                    return;
                }
                if (job.state.equals("Aborted")) {
                    // aborted mid-way: processed rows stay processed, the rest are unprocessed records
                    job.unprocessed.addAll(rows.subList(i, rows.size()));
                    return;
                }
            }
            processRow(job, rows.get(i), ctx);
            if (rowDelay > 0) {
                sleepQuietly(rowDelay);
            }
        }
        synchronized (job) {
            if (!job.state.equals("Aborted")) {
                job.state = "JobComplete";
            }
        }
    }

    private void processRow(Job job, List<String> row, WriteContext ctx) {
        Map<String, Object> values = new LinkedHashMap<>();
        String id = null;
        String extValue = null;
        for (int i = 0; i < job.header.size(); i++) {
            String col = job.header.get(i);
            String v = i < row.size() ? row.get(i) : "";
            if (col.equalsIgnoreCase("Id")) {
                id = v;
            } else if (job.externalIdField != null && col.equalsIgnoreCase(job.externalIdField)) {
                extValue = v;
            } else if (v.equals("#N/A")) {
                values.put(col, null); // Bulk API's explicit null
            } else if (!v.isEmpty()) {
                values.put(col, v); // empty cells leave the field unchanged
            }
        }
        String resultId = "";
        boolean created = false;
        try {
            switch (job.operation) {
                case "insert" -> {
                    resultId = org.create(job.object, values, true, ctx);
                    created = true;
                }
                case "update" -> {
                    org.update(job.object, id, values, true, ctx, null);
                    resultId = SalesforceIds.normalize(id);
                }
                case "delete", "hardDelete" -> {
                    org.delete(job.object, id, ctx, null);
                    resultId = SalesforceIds.normalize(id);
                }
                case "upsert" -> {
                    if (extValue == null || extValue.isEmpty()) {
                        throw SalesforceException.of(400, "MISSING_ARGUMENT", job.externalIdField + " not specified", job.externalIdField);
                    }
                    Org.UpsertResult r = org.upsert(job.object, job.externalIdField, extValue, values, true, ctx);
                    if (r.matches().size() > 1) {
                        throw SalesforceException.of(400, "DUPLICATE_EXTERNAL_ID", job.externalIdField
                                + ": more than one record found for external id field: " + r.matches(), job.externalIdField);
                    }
                    resultId = r.id();
                    created = r.created();
                }
                default -> throw new IllegalStateException(job.operation);
            }
            synchronized (job) {
                List<String> out = new ArrayList<>(List.of(resultId, String.valueOf(created)));
                out.addAll(row);
                job.successes.add(out);
                job.processed++;
            }
        } catch (SalesforceException e) {
            ApiError err = e.first();
            synchronized (job) {
                List<String> out = new ArrayList<>(List.of("", err.errorCode() + ":" + err.message()
                        + (err.fields().isEmpty() ? "" : ":" + String.join(",", err.fields())) + " --"));
                out.addAll(row);
                job.failures.add(out);
                job.processed++;
                job.failed++;
            }
        }
    }

    private static List<List<String>> parseInto(Job job) {
        List<List<String>> all = Csv.parse(job.csv.toString());
        if (all.isEmpty()) {
            return List.of();
        }
        job.header = all.get(0);
        return new ArrayList<>(all.subList(1, all.size()));
    }

    private static List<List<String>> dataRows(Job job) {
        List<List<String>> all = Csv.parse(job.csv.toString());
        return all.size() <= 1 ? List.of() : all.subList(1, all.size());
    }

    private Map<String, Object> info(Job job, String version) {
        synchronized (job) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", job.id);
            m.put("operation", job.operation);
            m.put("object", job.object);
            m.put("createdById", job.createdById);
            m.put("createdDate", job.createdDate);
            m.put("systemModstamp", job.createdDate);
            m.put("state", job.state);
            if (job.externalIdField != null) {
                m.put("externalIdFieldName", job.externalIdField);
            }
            m.put("concurrencyMode", "Parallel");
            m.put("contentType", "CSV");
            m.put("apiVersion", Double.parseDouble(version.substring(1)));
            m.put("jobType", "V2Ingest");
            m.put("contentUrl", "services/data/" + version + "/jobs/ingest/" + job.id + "/batches");
            m.put("lineEnding", job.lineEnding);
            m.put("columnDelimiter", "COMMA");
            m.put("numberRecordsProcessed", job.processed);
            m.put("numberRecordsFailed", job.failed);
            m.put("retries", 0);
            m.put("totalProcessingTime", 0);
            if (job.errorMessage != null) {
                m.put("errorMessage", job.errorMessage);
            }
            return m;
        }
    }
}
