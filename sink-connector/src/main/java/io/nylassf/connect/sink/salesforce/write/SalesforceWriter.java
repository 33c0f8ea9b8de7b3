package io.nylassf.connect.sink.salesforce.write;

import io.nylassf.connect.common.http.ApiException;
import io.nylassf.connect.common.salesforce.BulkCsv;
import io.nylassf.connect.common.salesforce.BulkIngestJob;
import io.nylassf.connect.common.salesforce.CompositeSubrequest;
import io.nylassf.connect.common.salesforce.CompositeSubresponse;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.SaveError;
import io.nylassf.connect.common.salesforce.SaveResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Executes write operations economically. Operations are grouped by object and action, cut into sObject
 * Collections of up to {@code batchSize} records, and up to five collections travel in one Composite request
 * (one API call for up to 1,000 records). A group of upserts larger than the bulk threshold goes through a Bulk
 * API 2.0 job instead; the call returns only once the job has finished (polled on a scheduler, bounded by the
 * bulk timeout), so the batch's offsets are never committed before its rows are written.
 *
 * <p>Whole-request transient failures throw {@link ApiException}; everything else ends up as per-operation
 * {@link SaveResult}s.
 */
public final class SalesforceWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SalesforceWriter.class);

    private final SalesforceClient client;
    private final int batchSize;
    private final BulkPolicy bulk;
    static final String AUTO_ASSIGN = "Sforce-Auto-Assign";
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "salesforce-bulk-poller");
        t.setDaemon(true);
        return t;
    });

    /** Whole-subrequest errors about the request's shape (field or object names, which come from the settings). */
    private static final Set<String> REQUEST_SHAPE_ERRORS = Set.of("INVALID_FIELD", "NOT_FOUND", "INVALID_TYPE",
            "INVALID_FIELD_FOR_INSERT_UPDATE");

    /** The longest wait between two polls of a bulk job. */
    static final long MAX_POLL_MS = 10_000;

    public SalesforceWriter(SalesforceClient client, int batchSize, BulkPolicy bulk) {
        this.client = client;
        this.batchSize = batchSize;
        this.bulk = bulk;
    }

    private record GroupKey(String sobject, WriteOp.Action action, String extIdField, boolean autoAssign) {
    }

    /** The objects whose writes run assignment rules unless told not to (the REST API's default is TRUE). */
    private static final java.util.Set<String> ASSIGNABLE = java.util.Set.of("Lead", "Account", "Case");

    /** A slice of one group: the operations and their positions in the caller's list. */
    private record Chunk(GroupKey key, List<WriteOp> ops, List<Integer> at) {
    }

    /**
     * Writes every operation and returns their results, aligned with {@code ops}, unless a transient failure of a
     * whole request is thrown.
     */
    public List<SaveResult> write(List<WriteOp> ops) {
        SaveResult[] results = new SaveResult[ops.size()];
        Map<GroupKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            WriteOp op = ops.get(i);
            groups.computeIfAbsent(new GroupKey(op.sobject(), op.action(), op.extIdField(), op.autoAssign()),
                            k -> new ArrayList<>())
                    .add(i);
        }
        List<Chunk> chunks = new ArrayList<>();
        for (Map.Entry<GroupKey, List<Integer>> g : groups.entrySet()) {
            List<Integer> at = g.getValue();
            List<WriteOp> list = at.stream().map(ops::get).toList();
            // Bulk for upserts and updates only: their result rows carry the key (external ID or Id) that matches
            // them back to operations; creates and deletes stay on Collections
            WriteOp.Action action = g.getKey().action();
            // (Bulk API 2.0 runs no assignment rule unless the job names one: assigned writes use Collections)
            if (bulk.applies(list.size()) && !g.getKey().autoAssign()
                    && (action == WriteOp.Action.UPSERT || action == WriteOp.Action.UPDATE)) {
                List<SaveResult> r = bulk(g.getKey(), list);
                for (int j = 0; j < at.size(); j++) {
                    results[at.get(j)] = r.get(j);
                }
                continue;
            }
            for (int i = 0; i < list.size(); i += batchSize) {
                int end = Math.min(list.size(), i + batchSize);
                chunks.add(new Chunk(g.getKey(), list.subList(i, end), at.subList(i, end)));
            }
        }
        for (int i = 0; i < chunks.size(); i += SalesforceClient.MAX_HEAVY_SUBREQUESTS) {
            composite(chunks.subList(i, Math.min(chunks.size(), i + SalesforceClient.MAX_HEAVY_SUBREQUESTS)), results);
        }
        return Arrays.asList(results);
    }

    private void composite(List<Chunk> chunks, SaveResult[] out) {
        List<CompositeSubrequest> subs = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            String ref = "w" + i;
            List<Map<String, Object>> records = new ArrayList<>();
            for (WriteOp op : c.ops()) {
                Map<String, Object> r = new LinkedHashMap<>(op.fields());
                if (op.action() == WriteOp.Action.UPDATE) {
                    r.put("Id", op.id());
                }
                records.add(r);
            }
            CompositeSubrequest sub = switch (c.key().action()) {
                case UPSERT -> client.upsertRequest(ref, c.key().sobject(), c.key().extIdField(), records, false);
                case UPDATE -> client.updateRequest(ref, c.key().sobject(), records, false);
                case CREATE -> client.createRequest(ref, c.key().sobject(), records, false);
                case DELETE -> client.deleteRequest(ref, c.ops().stream().map(WriteOp::id).toList(), false);
            };
            if (ASSIGNABLE.contains(c.key().sobject()) && c.key().action() != WriteOp.Action.DELETE) {
                // an existing record keeps its owner: the REST API runs assignment rules unless told not to
                sub = sub.withHeader(AUTO_ASSIGN, c.key().autoAssign() ? "TRUE" : "FALSE");
            }
            subs.add(sub);
        }
        List<CompositeSubresponse> responses = client.composite(subs, false);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            CompositeSubresponse resp = i < responses.size() ? responses.get(i) : null;
            if (resp == null) {
                throw new ApiException(ApiException.Kind.TRANSIENT, 0, null, "composite response lacks subrequest " + i);
            }
            if (!resp.ok()) {
                ApiException e = resp.error();
                if (!e.isRetriable() && (c.ops().size() > 1 || REQUEST_SHAPE_ERRORS.contains(e.errorCode()))) {
                    // not one record's fault (an unknown field or external ID, a wrong type): a configuration
                    // problem that would dead-letter every record, so the task stops and says which
                    throw new ApiException(e.kind(), e.status(), e.errorCode(), describe(c) + ": " + e.getMessage(),
                            null, e);
                }
                // a transient subrequest failure (one 503 in the Composite) is retried for its records alone
                SaveError err = new SaveError(e.isRetriable() ? "SERVER_UNAVAILABLE"
                        : e.errorCode() == null ? "HTTP_" + resp.status() : e.errorCode(), e.getMessage(), null, null);
                c.at().forEach(k -> out[k] = SaveResult.failure(err));
                continue;
            }
            List<SaveResult> results = resp.saveResults();
            for (int j = 0; j < c.ops().size(); j++) {
                out[c.at().get(j)] = j < results.size() ? results.get(j)
                        : SaveResult.failure(new SaveError("SERVER_UNAVAILABLE", "no result for this record", null, null));
            }
        }
    }

    private static String describe(Chunk c) {
        return c.key().action().name().toLowerCase(java.util.Locale.ROOT) + " of " + c.ops().size() + " "
                + c.key().sobject() + (c.key().extIdField() == null ? "" : " on " + c.key().extIdField());
    }

    // ------------------------------------------------------------------ Bulk API 2.0

    private List<SaveResult> bulk(GroupKey key, List<WriteOp> ops) {
        String operation = switch (key.action()) {
            case UPSERT -> "upsert";
            case UPDATE -> "update";
            case CREATE -> "insert";
            case DELETE -> "delete";
        };
        Set<String> columns = new LinkedHashSet<>();
        if (key.action() == WriteOp.Action.UPDATE) {
            columns.add("Id");
        }
        ops.forEach(op -> columns.addAll(op.fields().keySet()));
        List<String> header = new ArrayList<>(columns);
        List<List<String>> rows = new ArrayList<>();
        for (WriteOp op : ops) {
            List<String> row = new ArrayList<>(header.size());
            for (String col : header) {
                if (col.equals("Id") && op.action() == WriteOp.Action.UPDATE) {
                    row.add(op.id());
                } else if (!op.fields().containsKey(col)) {
                    row.add(null);
                } else {
                    Object v = op.fields().get(col);
                    row.add(v == null ? "#N/A" : v.toString());
                }
            }
            rows.add(row);
        }
        BulkIngestJob job = client.createBulkIngestJob(key.sobject(), operation, key.extIdField());
        log.info("Bulk API job {} ({} {} of {}) started", job.id(), ops.size(), operation, key.sobject());
        try {
            job.upload(BulkCsv.write(header, rows));
            job.uploadComplete();
        } catch (ApiException e) {
            abortQuietly(job);
            throw e;
        }
        BulkIngestJob.Info info = await(job, ops.size());
        List<SaveResult> results = new BulkResultReader(job, info,
                key.action() == WriteOp.Action.UPSERT ? key.extIdField() : "Id").read(ops);
        log.info("Bulk API job {} {}: {} processed, {} failed", job.id(), info.state(), info.processed(),
                info.failed());
        return results;
    }

    /**
     * Polls the job on the scheduler until it is final or the bulk timeout passes: the first poll after the
     * configured initial delay plus 0.1 ms per row (a job needs time in proportion to its size, so a typical job
     * is final at the first poll), then doubling up to {@link #MAX_POLL_MS}.
     */
    private BulkIngestJob.Info await(BulkIngestJob job, int rows) {
        CompletableFuture<BulkIngestJob.Info> done = new CompletableFuture<>();
        schedulePoll(job, done, firstPollDelayMs(rows));
        try {
            return done.get(bulk.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(false);
            // stop the job first, so it does not go on writing while the redelivered batch writes the same rows
            abortQuietly(job);
            throw new ApiException(ApiException.Kind.TRANSIENT, 0, "BULK_TIMEOUT", "Bulk API job " + job.id()
                    + " still running after " + bulk.timeout() + " (salesforce.bulk.timeout.ms); aborted, the batch "
                    + "will be retried", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.cancel(false);
            throw new ApiException(ApiException.Kind.TRANSIENT, 0, null, "interrupted waiting for bulk job", null, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof ApiException ae) {
                throw ae;
            }
            throw new ApiException(ApiException.Kind.TRANSIENT, 0, null, "polling bulk job " + job.id() + " failed",
                    null, c);
        }
    }

    private void schedulePoll(BulkIngestJob job, CompletableFuture<BulkIngestJob.Info> done, long delayMs) {
        poller.schedule(() -> {
            if (done.isDone()) {
                return;
            }
            try {
                BulkIngestJob.Info info = job.info();
                if (info.isFinal()) {
                    done.complete(info);
                } else {
                    schedulePoll(job, done, Math.min(MAX_POLL_MS, delayMs * 2));
                }
            } catch (ApiException e) {
                if (e.isRetriable()) {
                    schedulePoll(job, done, Math.min(MAX_POLL_MS, delayMs * 2));
                } else {
                    done.completeExceptionally(e);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    long firstPollDelayMs(int rows) {
        return Math.min(MAX_POLL_MS, bulk.pollInitial().toMillis() + rows / 10);
    }

    private static void abortQuietly(BulkIngestJob job) {
        try {
            job.abort();
        } catch (RuntimeException e) {
            log.warn("Could not abort Bulk API job {}: {}", job.id(), e.getMessage());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
