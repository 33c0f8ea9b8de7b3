package io.nylassf.connect.plugin.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles (nearest rank) and the rate and ratio arithmetic the report uses. */
final class Stats {
    private Stats() {
    }

    /** Nearest-rank percentile of the values ({@code p} in 0..100); NaN when empty. */
    static double percentile(Collection<Long> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Calls per 1,000 records; NaN when no record was written. */
    static double per1000(long calls, long records) {
        return records <= 0 ? Double.NaN : calls * 1000.0 / records;
    }

    /** Records per second; NaN when nothing was timed. */
    static double perSecond(long records, long millis) {
        return millis <= 0 || records <= 0 ? Double.NaN : records * 1000.0 / millis;
    }

    /** {@code a / b}, NaN when either is unknown or b is zero. */
    static double ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? Double.NaN : a / b;
    }
}
