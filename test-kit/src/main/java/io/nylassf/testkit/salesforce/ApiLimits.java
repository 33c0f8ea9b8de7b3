package io.nylassf.testkit.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daily API request allocation. {@code used} is what Salesforce reports in {@code Sforce-Limit-Info}
 * (settable, to start a test near the limit); {@code calls} counts requests served since the last reset.
 */
final class ApiLimits {
    private final long max;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong bulkBatches = new AtomicLong();

    ApiLimits(long max) {
        this.max = max;
    }

    /** Counts one call, or returns false (and counts nothing) when the allocation is spent. */
    boolean tryConsume() {
        while (true) {
            long u = used.get();
            if (u >= max) {
                return false;
            }
            if (used.compareAndSet(u, u + 1)) {
                calls.incrementAndGet();
                return true;
            }
        }
    }

    void countBulkBatch() {
        bulkBatches.incrementAndGet();
    }

    String header() {
        return "api-usage=" + used.get() + "/" + max;
    }

    long max() { return max; }
    long used() { return used.get(); }
    long calls() { return calls.get(); }
    void setUsed(long n) { used.set(Math.max(0, n)); }
    void resetCalls() { calls.set(0); }

    /** The {@code GET /limits} body. */
    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
        out.put("DailyApiRequests", limit(max, max - used.get()));
        out.put("DailyAsyncApexExecutions", limit(250_000, 250_000));
        out.put("DailyBulkApiBatches", limit(15_000, 15_000 - bulkBatches.get()));
        out.put("DailyBulkV2QueryFileStorageMB", limit(976_562, 976_562));
        out.put("DailyBulkV2QueryJobs", limit(10_000, 10_000));
        out.put("DataStorageMB", limit(5, 5));
        out.put("FileStorageMB", limit(20, 20));
        return out;
    }

    private static Map<String, Object> limit(long max, long remaining) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Max", max);
        m.put("Remaining", Math.max(0, remaining));
        return m;
    }
}
