package io.nylassf.connect.sink.nylas.exec;

import io.nylassf.connect.common.http.ApiException.Kind;
import io.nylassf.connect.common.nylas.NylasApiException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Honours 429 per grant: after a rate-limited answer, calls for that grant wait until its Retry-After deadline
 * (other grants go on), then try again, up to {@code attempts} times; beyond that the 429 surfaces as a transient
 * failure of that one action (see {@link RetryBook}). Waits happen on the executor's threads, never in {@code put}.
 */
public final class GrantThrottle {
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Map<String, Long> notBeforeMs = new ConcurrentHashMap<>();
    private final int attempts;

    public GrantThrottle(int attempts) {
        this.attempts = attempts;
    }

    public <T> T call(String grantId, Supplier<T> op) {
        for (int attempt = 1; ; attempt++) {
            waitFor(grantId);
            try {
                return op.get();
            } catch (NylasApiException e) {
                if (e.kind() != Kind.RATE_LIMITED || attempt >= attempts) {
                    throw e;
                }
                Duration wait = e.retryAfter().orElse(DEFAULT_RETRY_AFTER);
                if (wait.compareTo(MAX_WAIT) > 0) {
                    throw e;
                }
                long until = System.currentTimeMillis() + wait.toMillis();
                notBeforeMs.merge(grantId, until, Math::max);
            }
        }
    }

    /** The deadline a grant is waiting for, if any (for tests and metrics). */
    public long notBefore(String grantId) {
        return notBeforeMs.getOrDefault(grantId, 0L);
    }

    private void waitFor(String grantId) {
        Long until = notBeforeMs.get(grantId);
        if (until == null) {
            return;
        }
        long wait = until - System.currentTimeMillis();
        if (wait <= 0) {
            notBeforeMs.remove(grantId, until);
            return;
        }
        try {
            Thread.sleep(Math.min(wait, MAX_WAIT.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NylasApiException(Kind.TRANSIENT, 0, "interrupted", "interrupted while waiting for grant "
                    + grantId + "'s rate limit", null, grantId, false, e);
        }
    }
}
