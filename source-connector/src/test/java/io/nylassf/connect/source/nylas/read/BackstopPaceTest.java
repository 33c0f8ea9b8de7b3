package io.nylassf.connect.source.nylas.read;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backstop's pace: short while webhooks are not trusted, long while they are, longer for idle grants. */
class BackstopPaceTest {
    private static final long SHORT = 30_000;
    private static final long LONG = 1_800_000;
    private static final long IDLE_AFTER = 86_400_000;

    @Test
    void stretchesWhileWebhooksAreHealthyAndShrinksWhenTheyAreNot() {
        AtomicBoolean healthy = new AtomicBoolean(false);
        BackstopPace pace = new BackstopPace(new BackstopPace.Intervals(SHORT, LONG, IDLE_AFTER), healthy::get, 0);
        assertWithin(SHORT, pace.waitMs("g1", 1_000));
        healthy.set(true);
        assertWithin(LONG, pace.waitMs("g1", 2_000));
        assertEquals(LONG, pace.currentMs());
        healthy.set(false);
        assertWithin(SHORT, pace.waitMs("g1", 3_000));
        assertEquals(SHORT, pace.currentMs());
    }

    @Test
    void aGrantWithoutActivityIsReadHalfAsOftenUntilItChangesAgain() {
        BackstopPace pace = new BackstopPace(new BackstopPace.Intervals(SHORT, LONG, IDLE_AFTER), () -> true, 0);
        assertWithin(LONG, pace.waitMs("g1", IDLE_AFTER - 1));
        assertWithin(2 * LONG, pace.waitMs("g1", IDLE_AFTER));
        pace.activity("g1", IDLE_AFTER + 5);
        assertWithin(LONG, pace.waitMs("g1", IDLE_AFTER + 10));
    }

    @Test
    void waitsAreSpreadPerGrantAndReadButStayWithinTwentyPercent() {
        BackstopPace pace = new BackstopPace(new BackstopPace.Intervals(SHORT, LONG, IDLE_AFTER), () -> true, 0);
        Set<Long> waits = new HashSet<>();
        long sum = 0;
        for (int g = 0; g < 1_000; g++) {
            long w = pace.waitMs("grant-" + g, 0);
            assertWithin(LONG, w);
            waits.add(w);
            sum += w;
        }
        assertTrue(waits.size() > 950, "distinct waits: " + waits.size());
        assertEquals(LONG, sum / 1_000.0, LONG * 0.02, "the mean stays the configured interval");
        assertEquals(BackstopPace.jittered(LONG, "grant-7", 3), BackstopPace.jittered(LONG, "grant-7", 3),
                "deterministic for a grant's n-th read");
    }

    private static void assertWithin(long base, long wait) {
        assertTrue(wait >= base * 0.8 - 1 && wait <= base * 1.2 + 1, wait + " not within 20% of " + base);
    }
}
