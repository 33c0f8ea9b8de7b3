package io.nylassf.connect.source.nylas.read;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Paces windowed reads as a backstop to webhooks. While webhooks are healthy a grant is read every
 * {@code longMs} (twice that once it has shown no activity for {@code idleAfterMs}); while they are not, every
 * {@code shortMs}, as without webhooks. Every wait is spread by up to ±20%, differently for each grant and each
 * read, so the grants of a task (and of all tasks) are never read all at once.
 */
public final class BackstopPace implements ReadPace {
    static final double JITTER = 0.2;

    /** The short wait (webhooks not trusted), the long one (trusted), and the inactivity that doubles it. */
    public record Intervals(long shortMs, long longMs, long idleAfterMs) {
        public Intervals {
            longMs = Math.max(shortMs, longMs);
        }
    }

    private final Intervals intervals;
    private final BooleanSupplier healthy;
    private final long startedMs;
    private final Map<String, Long> lastActivity = new ConcurrentHashMap<>();
    private final Map<String, Integer> reads = new ConcurrentHashMap<>();

    public BackstopPace(Intervals intervals, BooleanSupplier healthy, long startedMs) {
        this.intervals = intervals;
        this.healthy = healthy;
        this.startedMs = startedMs;
    }

    @Override
    public long waitMs(String grantId, long nowMs) {
        int n = reads.merge(grantId, 1, Integer::sum);
        long base = healthy.getAsBoolean()
                ? (idle(grantId, nowMs) ? 2 * intervals.longMs() : intervals.longMs()) : intervals.shortMs();
        return jittered(base, grantId, n);
    }

    @Override
    public long catchUpWaitMs(String grantId, long nowMs) {
        return jittered(intervals.shortMs(), grantId, reads.merge(grantId, 1, Integer::sum));
    }

    @Override
    public void activity(String grantId, long nowMs) {
        lastActivity.put(grantId, nowMs);
    }

    /** The base wait in force for a grant that is active, as a gauge. */
    public long currentMs() {
        return healthy.getAsBoolean() ? intervals.longMs() : intervals.shortMs();
    }

    private boolean idle(String grantId, long nowMs) {
        return nowMs - lastActivity.getOrDefault(grantId, startedMs) >= intervals.idleAfterMs();
    }

    /** {@code base} times a factor in [1 - JITTER, 1 + JITTER), fixed for a grant's n-th read. */
    static long jittered(long base, String grantId, int n) {
        long h = (grantId.hashCode() * 0x9E3779B97F4A7C15L) ^ (n * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 29;
        double unit = (h >>> 11) * 0x1.0p-53;
        return Math.round(base * (1 - JITTER + 2 * JITTER * unit));
    }
}
