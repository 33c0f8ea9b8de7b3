package io.nylassf.testkit.salesforce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an uploaded ingest job row by row through the same validation as REST, so its results carry the same
 * error codes; ends it JobComplete, or Failed when its CSV or header is unusable (as Salesforce does) or when a
 * test injected a failure. Runs on the emulator's background thread.
 */
final class BulkJobProcessor {
    private final Org org;
    private final AtomicInteger failNextJobAfter = new AtomicInteger(-1);
    private volatile long rowDelay;

    BulkJobProcessor(Org org) {
        this.org = org;
    }

    /** Processing time per row (default none), so a test can make a job outlast a client's timeout. */
    void rowDelay(Duration d) {
        this.rowDelay = d.toMillis();
    }

    /** The next job to be processed stops after {@code rows} rows and ends Failed; the rest are unprocessed. */
    void failNextJobAfter(int rows) {
        failNextJobAfter.set(rows);
    }

    /** Processes every row; a header naming an unknown field fails the whole job, as Salesforce does. */
    void process(BulkJob job) {
        List<List<String>> rows;
        synchronized (job) {
            if (job.state.equals("Aborted")) {
                job.unprocessed.addAll(job.parseUpload());
                return;
            }
            job.state = "InProgress";
            try {
                rows = job.parseUpload();
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
            processRow(job, rows.get(i));
            if (rowDelay > 0) {
                simulateRowProcessingTime(rowDelay);
            }
        }
        synchronized (job) {
            if (!job.state.equals("Aborted")) {
                job.state = "JobComplete";
            }
        }
    }

    /** Emulated server-side latency on the background thread, not a wait for a condition. */
    private static void simulateRowProcessingTime(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void processRow(BulkJob job, List<String> row) {
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
        try {
            List<String> out = new ArrayList<>(write(job, id, extValue, values));
            out.addAll(row);
            synchronized (job) {
                job.successes.add(out);
                job.processed++;
            }
        } catch (SalesforceException e) {
            ApiError err = e.first();
            List<String> out = new ArrayList<>(List.of("", err.errorCode() + ":" + err.message()
                    + (err.fields().isEmpty() ? "" : ":" + String.join(",", err.fields())) + " --"));
            out.addAll(row);
            synchronized (job) {
                job.failures.add(out);
                job.processed++;
                job.failed++;
            }
        }
    }

    /** Writes one row as the job's operation; returns its {@code sf__Id} and {@code sf__Created}. */
    private List<String> write(BulkJob job, String id, String extValue, Map<String, Object> values) {
        WriteContext ctx = job.writeContext;
        switch (job.operation) {
            case "insert" -> {
                return List.of(org.create(job.object, values, true, ctx), "true");
            }
            case "update" -> {
                org.update(job.object, id, values, true, ctx, null);
                return List.of(SalesforceIds.normalize(id), "false");
            }
            case "delete", "hardDelete" -> {
                org.delete(job.object, id, ctx, null);
                return List.of(SalesforceIds.normalize(id), "false");
            }
            case "upsert" -> {
                if (extValue == null || extValue.isEmpty()) {
                    throw SalesforceException.of(400, "MISSING_ARGUMENT", job.externalIdField + " not specified",
                            job.externalIdField);
                }
                Org.UpsertResult r = org.upsert(job.object, job.externalIdField, extValue, values, true, ctx);
                if (r.matches().size() > 1) {
                    throw SalesforceException.of(400, "DUPLICATE_EXTERNAL_ID", job.externalIdField
                            + ": more than one record found for external id field: " + r.matches(),
                            job.externalIdField);
                }
                return List.of(r.id(), String.valueOf(r.created()));
            }
            default -> throw new IllegalStateException(job.operation);
        }
    }
}
