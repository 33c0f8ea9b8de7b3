package io.nylassf.connect.common.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter, capped, that defers to the server's Retry-After when it gives one.
 * The Connect glue hands the result to {@code context.timeout(ms)} or uses it to schedule the next poll; nothing
 * here sleeps.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The wait before attempt {@code attempt} (1 = the first retry). */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        long ceiling = Math.min(max.toMillis(), initial.toMillis() * (1L << Math.min(20, Math.max(0, attempt - 1))));
        long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    public Duration delay(int attempt, ApiException failure) {
        return delay(attempt, failure == null ? null : failure.retryAfter().orElse(null));
    }
}
