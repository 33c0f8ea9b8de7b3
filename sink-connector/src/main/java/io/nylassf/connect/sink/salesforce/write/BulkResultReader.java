package io.nylassf.connect.sink.salesforce.write;

import io.nylassf.connect.common.salesforce.BulkIngestJob;
import io.nylassf.connect.common.salesforce.SaveError;
import io.nylassf.connect.common.salesforce.SaveResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gives each operation of a finished Bulk API 2.0 job its result, whatever the job's final state. Rows come back
 * unordered, so they are matched to operations by the key column (the external ID of an upsert, the Id of an
 * update). Each download is an API call, so only the ones needed are made:
 * <ul>
 * <li>{@code failedResults} when the job counts failures: those rows fail with their {@code sf__Error};</li>
 * <li>{@code unprocessedrecords} when it processed fewer rows than it was given (a Failed or Aborted job): those
 * rows get a transient error, so only they are retried;</li>
 * <li>{@code successfulResults} when a later phase needs the new IDs, or when the job did not complete (a Failed
 * or Aborted job's counters cannot vouch for the rows): those rows are written.</li>
 * </ul>
 * After a complete job, rows none of the downloads named are confirmed by the counters (processed − failed).
 */
final class BulkResultReader {
    private final BulkIngestJob job;
    private final BulkIngestJob.Info info;
    private final String keyColumn;

    BulkResultReader(BulkIngestJob job, BulkIngestJob.Info info, String keyColumn) {
        this.job = job;
        this.info = info;
        this.keyColumn = keyColumn;
    }

    /** The result of each operation, aligned with {@code ops}. */
    List<SaveResult> read(List<WriteOp> ops) {
        boolean complete = "JobComplete".equals(info.state());
        SaveResult[] results = new SaveResult[ops.size()];
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            byKey.computeIfAbsent(rowKey(ops.get(i)), k -> new ArrayList<>()).add(i);
        }
        if (info.failed() > 0) {
            for (Map<String, String> r : job.failedResults()) {
                SaveError err = parseBulkError(r.get("sf__Error"));
                byKey.getOrDefault(r.get(keyColumn), List.of()).forEach(i -> results[i] = SaveResult.failure(err));
            }
        }
        if (info.processed() < ops.size()) {
            SaveError notReached = new SaveError("SERVER_UNAVAILABLE", "Bulk API job " + job.id() + " ("
                    + info.state() + ") did not process this row", null, null);
            for (Map<String, String> r : job.unprocessedRecords()) {
                byKey.getOrDefault(r.get(keyColumn), List.of())
                        .forEach(i -> results[i] = SaveResult.failure(notReached));
            }
        }
        boolean needIds = false;
        for (int i = 0; i < ops.size(); i++) {
            needIds |= ops.get(i).wantsId() && results[i] == null;
        }
        if ((needIds || !complete) && info.processed() > info.failed()) {
            for (Map<String, String> r : job.successfulResults()) {
                for (int i : byKey.getOrDefault(r.get(keyColumn), List.of())) {
                    results[i] = new SaveResult(r.get("sf__Id"), true, Boolean.parseBoolean(r.get("sf__Created")),
                            null);
                }
            }
        }
        long unaccounted = Arrays.stream(results).filter(Objects::isNull).count();
        long expectedSuccesses = info.processed() - info.failed();
        for (int i = 0; i < ops.size(); i++) {
            if (results[i] != null) {
                continue;
            }
            WriteOp op = ops.get(i);
            if (complete && !needIds && unaccounted <= expectedSuccesses) {
                // the job's counters vouch for these rows: an upsert planned for a record the lookup did not
                // find is a create; an update keeps its Id
                results[i] = new SaveResult(op.id(), true, op.action() != WriteOp.Action.UPDATE, null);
            } else {
                results[i] = SaveResult.failure(new SaveError("SERVER_UNAVAILABLE",
                        "Bulk API job " + job.id() + " (" + info.state() + ") returned no result for this row",
                        null, null));
            }
        }
        return Arrays.asList(results);
    }

    private static String rowKey(WriteOp op) {
        return op.action() == WriteOp.Action.UPSERT ? op.extIdValue() : op.id();
    }

    /** {@code CODE:message:fields --} as Bulk API 2.0 writes sf__Error. */
    static SaveError parseBulkError(String s) {
        if (s == null || s.isBlank()) {
            return new SaveError("UNKNOWN", "no error detail", null, null);
        }
        String t = s.endsWith("--") ? s.substring(0, s.length() - 2).trim() : s.trim();
        int colon = t.indexOf(':');
        if (colon < 0) {
            return new SaveError("UNKNOWN", t, null, null);
        }
        String code = t.substring(0, colon);
        String rest = t.substring(colon + 1);
        int lastColon = rest.lastIndexOf(':');
        List<String> fields = new ArrayList<>();
        String message = rest;
        if (lastColon >= 0 && rest.substring(lastColon + 1).matches("[A-Za-z0-9_,]+")) {
            message = rest.substring(0, lastColon);
            fields.addAll(List.of(rest.substring(lastColon + 1).split(",")));
        }
        return new SaveError(code, message, fields, null);
    }
}
