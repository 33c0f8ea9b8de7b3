package io.nylassf.testkit.nylas;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Nylas' rule for a destination's status, judged from its delivery attempts: when at least 95% of the attempts
 * over {@code window} (Nylas: 15 minutes) failed, it becomes {@code failing} and deliveries go on; a delivery that
 * succeeds makes it {@code active} again; still failing {@code failedAfter} later (Nylas: 72 hours), it becomes
 * {@code failed} and deliveries stop, the notifications missed meanwhile never replayed. A status an admin set
 * ({@code inactive}, {@code pause}) is left alone. One instance per destination, used under its lock.
 */
final class EndpointHealth {
    static final double FAILING_RATIO = 0.95;

    private final Duration window;
    private final Duration failedAfter;
    /** Attempts within the window: time and whether it succeeded. */
    private final Deque<long[]> attempts = new ArrayDeque<>();
    private int failures;
    /** Since when the failure ratio has been at or above 95% (-1: it is not). */
    private long poorSince = -1;
    private long failingSince = -1;

    EndpointHealth(Duration window, Duration failedAfter) {
        this.window = window;
        this.failedAfter = failedAfter;
    }

    /** One delivery attempt's outcome; returns the status it leaves. */
    String record(String status, boolean ok, long nowMs) {
        attempts.addLast(new long[] {nowMs, ok ? 1 : 0});
        if (!ok) {
            failures++;
        }
        evict(nowMs);
        if (ok && "failing".equals(status)) {
            reset();
            return "active";
        }
        if (failures < FAILING_RATIO * attempts.size()) {
            poorSince = -1;
        } else if (poorSince < 0) {
            poorSince = nowMs;
        }
        return judge(status, nowMs);
    }

    /** The status now; time alone can move it on (a read of the destination judges it too). */
    String judge(String status, long nowMs) {
        if ("active".equals(status) && poorSince >= 0 && nowMs - poorSince >= window.toMillis()) {
            failingSince = nowMs;
            return "failing";
        }
        if ("failing".equals(status) && failingSince >= 0 && nowMs - failingSince >= failedAfter.toMillis()) {
            return "failed";
        }
        return status;
    }

    /** Forgets every attempt (a recovery, or a status an admin set). */
    void reset() {
        attempts.clear();
        failures = 0;
        poorSince = -1;
        failingSince = -1;
    }

    private void evict(long nowMs) {
        while (!attempts.isEmpty() && attempts.peekFirst()[0] < nowMs - window.toMillis()) {
            if (attempts.pollFirst()[1] == 0) {
                failures--;
            }
        }
    }
}
