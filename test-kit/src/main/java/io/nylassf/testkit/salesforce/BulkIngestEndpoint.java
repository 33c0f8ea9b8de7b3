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
 * Bulk API 2.0 ingest jobs over REST: create (Open) → upload CSV → UploadComplete → InProgress → JobComplete (or
 * Failed / Aborted), then the result files. Processing ({@link BulkJobProcessor}) runs on a background thread
 * after a configurable delay.
 */
final class BulkIngestEndpoint {
    private static final Set<String> OPERATIONS = Set.of("insert", "update", "upsert", "delete", "hardDelete");

    private final Org org;
    private final SalesforceIds ids;
    private final ApiLimits limits;
    private final Clock clock;
    private final Duration delay;
    private final ScheduledExecutorService executor;
    private final BulkJobProcessor processor;
    private final Map<String, BulkJob> jobs = new ConcurrentHashMap<>();

    BulkIngestEndpoint(Org org, SalesforceIds ids, ApiLimits limits, Clock clock, Duration delay, ScheduledExecutorService executor) {
        this.org = org;
        this.ids = ids;
        this.limits = limits;
        this.clock = clock;
        this.delay = delay;
        this.executor = executor;
        this.processor = new BulkJobProcessor(org);
    }

    /** Processing time per row (default none), so a test can make a job outlast a client's timeout. */
    void rowDelay(Duration d) {
        processor.rowDelay(d);
    }

    /** The next job to be processed stops after {@code rows} rows and ends Failed; the rest are unprocessed. */
    void failNextJobAfter(int rows) {
        processor.failNextJobAfter(rows);
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

    void register(SalesforceRouter r) {
        r.add("POST", "jobs/ingest", this::create)
         .add("GET", "jobs/ingest", this::list)
         .add("GET", "jobs/ingest/{id}", c -> Json.ok(200, job(c).info(c.version())))
         .add("PATCH", "jobs/ingest/{id}", this::changeState)
         .add("DELETE", "jobs/ingest/{id}", this::delete)
         .add("PUT", "jobs/ingest/{id}/batches", this::upload)
         .add("GET", "jobs/ingest/{id}/successfulResults", c -> results(c, true))
         .add("GET", "jobs/ingest/{id}/failedResults", c -> results(c, false))
         .add("GET", "jobs/ingest/{id}/unprocessedrecords",
                 c -> EmulatorResponse.text(200, "text/csv", job(c).unprocessedCsv()));
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
        BulkJob job = new BulkJob(ids.next("750"), s.name(), operation, ext, body.path("lineEnding").asText("LF"),
                call.ctx().userId(), FieldValues.SF_DATETIME.format(clock.instant()),
                new WriteContext(call.ctx().userId(), call.ctx().client(), true, call.ctx().allowDuplicateSave()));
        jobs.put(job.id, job);
        return Json.ok(200, job.info(call.version()));
    }

    private EmulatorResponse list(ApiCall call) {
        List<Object> records = new ArrayList<>();
        for (BulkJob j : jobs.values()) {
            records.add(j.info(call.version()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", true);
        body.put("records", records);
        body.put("nextRecordsUrl", null);
        return Json.ok(200, body);
    }

    private EmulatorResponse upload(ApiCall call) {
        BulkJob job = job(call);
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
        BulkJob job = job(call);
        String target = call.json().path("state").asText("");
        synchronized (job) {
            if (target.equals("UploadComplete")) {
                if (!job.state.equals("Open")) {
                    throw SalesforceException.of(409, "INVALIDJOBSTATE", "Job is not Open (state " + job.state + ")");
                }
                job.state = "UploadComplete";
                long ms = Math.max(0, delay.toMillis());
                executor.schedule(() -> start(job), ms / 2, TimeUnit.MILLISECONDS);
                executor.schedule(() -> processor.process(job), ms, TimeUnit.MILLISECONDS);
            } else if (target.equals("Aborted")) {
                if (job.state.equals("JobComplete") || job.state.equals("Failed")) {
                    throw SalesforceException.of(409, "INVALIDJOBSTATE", "Cannot abort a job in state " + job.state);
                }
                job.state = "Aborted";
            } else {
                throw SalesforceException.of(400, "INVALIDJOBSTATE", "Invalid state transition to " + target);
            }
            return Json.ok(200, job.info(call.version()));
        }
    }

    private static void start(BulkJob job) {
        synchronized (job) {
            if (job.state.equals("UploadComplete")) {
                job.state = "InProgress";
            }
        }
    }

    private EmulatorResponse delete(ApiCall call) {
        BulkJob job = job(call);
        synchronized (job) {
            if (job.state.equals("UploadComplete") || job.state.equals("InProgress")) {
                throw SalesforceException.of(409, "INVALIDJOBSTATE", "Cannot delete a job in state " + job.state);
            }
            jobs.remove(job.id);
        }
        return EmulatorResponse.empty(204);
    }

    private EmulatorResponse results(ApiCall call, boolean success) {
        BulkJob job = job(call);
        synchronized (job) {
            if (!job.isFinished()) {
                throw SalesforceException.of(409, "INVALIDJOBSTATE", "Job is not complete (state " + job.state + ")");
            }
            return EmulatorResponse.text(200, "text/csv", job.resultsCsv(success));
        }
    }

    private BulkJob job(ApiCall call) {
        BulkJob job = jobs.get(call.param("id"));
        if (job == null) {
            throw SalesforceException.of(404, "NOT_FOUND", "The requested resource does not exist");
        }
        return job;
    }
}
