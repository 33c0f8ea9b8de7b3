package io.nylassf.connect.source.salesforce.read;

import io.nylassf.connect.source.salesforce.mapping.ChangeRow;
import io.nylassf.connect.source.salesforce.offset.ObjectOffset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads one SObject window by window ({@link SoqlWindow} through {@code queryAll}) and keeps its position.
 *
 * <p>A full page whose rows span several millisecond buckets stops before its last bucket, so the position
 * always ends on a whole bucket (the next window re-reads that bucket in full); only a page that is one bucket
 * throughout relies on the {@code Id} tie-breaker. A full page makes the object due again at once; otherwise it
 * waits for the poll interval.
 */
public final class ObjectReader {
    private final String sobject;
    private final List<String> fields;
    private final Instant startFrom;
    private final int limit;
    private final long lagMs;
    private ObjectOffset position;
    private long dueAtMs;
    private int failures;
    private boolean full;

    /** @param lagMs how far behind now each window ends ({@code salesforce.read.lag.ms}) */
    public ObjectReader(String sobject, List<String> fields, ObjectOffset stored, Instant startFrom, int limit,
                        long lagMs) {
        this.lagMs = lagMs;
        this.sobject = sobject;
        this.fields = List.copyOf(fields);
        this.position = stored;
        this.startFrom = startFrom;
        this.limit = limit;
    }

    public String sobject() {
        return sobject;
    }

    public ObjectOffset position() {
        return position;
    }

    public long dueAtMs() {
        return dueAtMs;
    }

    public String nextQuery(long nowMs) {
        return SoqlWindow.query(sobject, fields, position, startFrom, Instant.ofEpochMilli(nowMs - lagMs), limit);
    }

    /**
     * Runs one window with {@code queryAll}, advances the position past the rows returned and schedules the next
     * window. The rows come back oldest first.
     */
    public List<ChangeRow> read(Function<String, List<Map<String, Object>>> queryAll, long nowMs, long intervalMs) {
        List<ChangeRow> rows = accept(queryAll.apply(nextQuery(nowMs)));
        schedule(nowMs, intervalMs);
        return rows;
    }

    /**
     * Takes the rows {@link #nextQuery} returned (oldest first) and advances the position past them; the caller
     * then {@link #schedule}s the next window.
     */
    public List<ChangeRow> accept(List<Map<String, Object>> raw) {
        failures = 0;
        List<ChangeRow> rows = new ArrayList<>(raw.size());
        for (Map<String, Object> r : raw) {
            rows.add(ChangeRow.of(sobject, r));
        }
        full = rows.size() >= limit;
        if (full) {
            Instant lastBucket = SoqlWindow.bucket(rows.get(rows.size() - 1).systemModstamp());
            int keep = rows.size();
            while (keep > 0 && SoqlWindow.bucket(rows.get(keep - 1).systemModstamp()).equals(lastBucket)) {
                keep--;
            }
            if (keep > 0) {
                rows = new ArrayList<>(rows.subList(0, keep));
            }
        }
        if (!rows.isEmpty()) {
            ChangeRow last = rows.get(rows.size() - 1);
            position = new ObjectOffset(SoqlWindow.bucket(last.systemModstamp()), last.id());
        }
        return rows;
    }

    /** The next window is due after {@code intervalMs}, or at once when the last one filled its page. */
    public void schedule(long nowMs, long intervalMs) {
        dueAtMs = full ? nowMs : nowMs + intervalMs;
    }

    /** After a failed window: wait {@code backoffMs} before the next one. Returns the consecutive failure count. */
    public int failed(long nowMs, long backoffMs) {
        dueAtMs = nowMs + backoffMs;
        return ++failures;
    }

    /** Whether the last window read was not a full page: nothing more up to its upper bound for now. */
    public boolean caughtUp() {
        return !full;
    }

    public int failures() {
        return failures;
    }
}
