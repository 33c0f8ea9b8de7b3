package io.nylassf.connect.sink.salesforce.accumulate;

import java.util.function.LongSupplier;

/**
 * How long records may linger before they are written: economy and latency are one dial. Starts at the
 * configured linger; once per adjustment interval it projects this task's Salesforce calls per day from the
 * calls it made in the last interval, and when that projection exceeds the task's share of the daily budget it
 * stretches the linger (fewer, fuller batches), up to the maximum; when there is room again it shrinks back,
 * never below the configured linger. A trickle's calls are about one lookup and one write per linger, so the
 * calls per day scale with 1/linger and the new linger aims at 80 % of the budget.
 */
public final class LingerPolicy {
    static final long DAY_MS = 86_400_000L;

    private final long baseMs;
    private final long maxMs;
    private final long intervalMs;
    private final LongSupplier dailyBudget;
    private final LongSupplier callsMade;
    private long currentMs;
    private long windowStartMs = -1;
    private long windowStartCalls;

    /**
     * @param dailyBudget this task's calls per day, or a value <= 0 while unknown (then the linger stays put)
     * @param callsMade   the calls this task has made so far (a counter)
     */
    public LingerPolicy(long baseMs, long maxMs, long intervalMs, LongSupplier dailyBudget, LongSupplier callsMade) {
        this.baseMs = baseMs;
        this.maxMs = Math.max(baseMs, maxMs);
        this.intervalMs = intervalMs;
        this.dailyBudget = dailyBudget;
        this.callsMade = callsMade;
        this.currentMs = baseMs;
    }

    public long currentMs() {
        return currentMs;
    }

    /** Re-reads the spending rate once an interval has passed; returns the linger to use now. */
    public long adjust(long nowMs) {
        if (windowStartMs < 0) {
            windowStartMs = nowMs;
            windowStartCalls = callsMade.getAsLong();
            return currentMs;
        }
        long elapsed = nowMs - windowStartMs;
        if (elapsed < intervalMs) {
            return currentMs;
        }
        long calls = callsMade.getAsLong() - windowStartCalls;
        windowStartMs = nowMs;
        windowStartCalls = callsMade.getAsLong();
        long budget = dailyBudget.getAsLong();
        if (budget <= 0) {
            return currentMs;
        }
        double projected = calls * (double) DAY_MS / elapsed;
        double wanted = currentMs * projected / (0.8 * budget);
        currentMs = Math.max(baseMs, Math.min(maxMs, Math.round(wanted)));
        return currentMs;
    }
}
