package io.nylassf.connect.source.nylas.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Logs refused webhook requests as one WARN line per interval with counts by status and reason, never one line
 * per request: the endpoint is public, and a flood of forged requests must not become a flood of log lines.
 */
final class RejectionLog {
    private static final Logger log = LoggerFactory.getLogger(RejectionLog.class);

    private final Clock clock;
    private final long intervalMs;
    private final Map<String, Integer> counts = new TreeMap<>();
    private long windowStartMs = Long.MIN_VALUE;

    RejectionLog(Clock clock, Duration interval) {
        this.clock = clock;
        this.intervalMs = interval.toMillis();
    }

    /** Counts one refusal; writes the summary when an interval has passed since the last one. */
    synchronized void record(int status, String reason) {
        counts.merge(status + " " + reason, 1, Integer::sum);
        long now = clock.millis();
        if (windowStartMs == Long.MIN_VALUE || now - windowStartMs >= intervalMs) {
            flush(now);
        }
    }

    /** Writes what is counted and not yet written (at close). */
    synchronized void flush() {
        flush(clock.millis());
    }

    private void flush(long now) {
        if (!counts.isEmpty()) {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            log.warn("Refused {} webhook request(s) since {} s ago: {}", total,
                    windowStartMs == Long.MIN_VALUE ? 0 : (now - windowStartMs) / 1000, counts);
            counts.clear();
        }
        windowStartMs = now;
    }
}
