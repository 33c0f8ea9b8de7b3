package io.nylassf.connect.common.http;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryAfterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSecondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", CLOCK));
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Mon, 23 Nov 2026 10:00:30 GMT", CLOCK));
        assertEquals(Duration.ZERO, RetryAfter.parse("Mon, 23 Nov 2026 09:00:00 GMT", CLOCK));
        assertNull(RetryAfter.parse("soon", CLOCK));
        assertNull(RetryAfter.parse(null, CLOCK));
    }

    @Test
    void backoffHonoursRetryAfterUpToTheCapAndGrowsOtherwise() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(3), b.delay(1, Duration.ofSeconds(3)));
        assertEquals(Duration.ofSeconds(10), b.delay(1, Duration.ofMinutes(5)));
        for (int attempt = 1; attempt < 30; attempt++) {
            long ms = b.delay(attempt, (Duration) null).toMillis();
            long ceiling = Math.min(10_000, 100L << Math.min(20, attempt - 1));
            assertTrue(ms >= ceiling / 2 && ms <= ceiling, attempt + ": " + ms);
        }
    }
}
