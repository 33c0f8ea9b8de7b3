package io.nylassf.connect.common.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What every connector reports the same way: records in, records out, retries, and the lag behind the source (now
 * minus the source modification time of the newest record delivered). One class, so the four connectors cannot
 * drift apart in names or meaning.
 */
public final class FlowMetrics {
    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong newestSourceMs = new AtomicLong(-1);

    /** Adds {@code records-in-total}, {@code records-out-total}, {@code retries-total} and {@code lag-ms}. */
    public void publish(PluginMetricSet set, String inMeaning, String outMeaning, String retryMeaning) {
        set.gauge("records-in-total", inMeaning, in::get);
        set.gauge("records-out-total", outMeaning, out::get);
        set.gauge("retries-total", retryMeaning, retries::get);
        set.gauge("lag-ms", "Now minus the source modification time of the newest record delivered (-1 before "
                + "the first)", this::lagMs);
    }

    public void in(long n) {
        in.addAndGet(n);
    }

    public void out(long n) {
        out.addAndGet(n);
    }

    public void retried() {
        retries.incrementAndGet();
    }

    /** A delivered record's source modification time, in epoch milliseconds. */
    public void sourceTime(long epochMs) {
        newestSourceMs.accumulateAndGet(epochMs, Math::max);
    }

    public long in() {
        return in.get();
    }

    public long out() {
        return out.get();
    }

    public long retries() {
        return retries.get();
    }

    public long lagMs() {
        long t = newestSourceMs.get();
        return t < 0 ? -1 : Math.max(0, System.currentTimeMillis() - t);
    }
}
