package io.nylassf.testkit.nylas;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed one-second windows per key on the emulator clock, so a test with a controllable clock gets exactly
 * {@code limit} requests per window, deterministically. A limit of 0 or less disables limiting.
 */
final class RateLimiter {
    private final Clock clock;
    private final int limit;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    private static final class Window {
        long second = Long.MIN_VALUE;
        final AtomicLong count = new AtomicLong();
    }

    RateLimiter(Clock clock, int limitPerSecond) {
        this.clock = clock;
        this.limit = limitPerSecond;
    }

    /** Seconds to wait before retrying, or 0 if the request may proceed. */
    long acquire(String key) {
        if (limit <= 0) {
            return 0;
        }
        long now = clock.millis();
        long second = Math.floorDiv(now, 1000);
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.second != second) {
                w.second = second;
                w.count.set(0);
            }
            if (w.count.incrementAndGet() <= limit) {
                return 0;
            }
        }
        refused.incrementAndGet();
        return 1; // the window ends within the next second
    }

    /** Requests answered 429 so far. */
    long refused() {
        return refused.get();
    }
}
