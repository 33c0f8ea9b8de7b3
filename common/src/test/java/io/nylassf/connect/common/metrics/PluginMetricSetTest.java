package io.nylassf.connect.common.metrics;

import io.nylassf.testkit.connect.InMemoryPluginMetrics;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class PluginMetricSetTest {

    @Test
    void gaugesReadTheirValueEachTimeAndCloseRemovesThem() {
        try (InMemoryPluginMetrics worker = new InMemoryPluginMetrics("c", 3)) {
            AtomicLong n = new AtomicLong();
            PluginMetricSet set = PluginMetricSet.of(worker.pluginMetrics());
            set.gauge("records-in-total", "Records in", n::get);
            n.set(5);
            assertEquals(5L, worker.value("records-in-total"));
            set.close();
            assertNull(worker.value("records-in-total"));
            assertEquals(0, worker.count());
        }
    }

    @Test
    void taggedCountersPublishOneMetricPerValueUpToTheBoundThenOther() {
        try (InMemoryPluginMetrics worker = new InMemoryPluginMetrics("c", 0)) {
            PluginMetricSet set = PluginMetricSet.of(worker.pluginMetrics());
            TaggedCounters sends = set.counters("sends-total", "Sends by grant", "grant", 3);
            for (int g = 0; g < 1_000; g++) {
                sends.increment("Grant-" + g);
            }
            sends.increment("grant-0");
            assertEquals(2L, worker.value("sends-total", Map.of("grant", "grant-0")));
            assertEquals(997L, worker.value("sends-total", Map.of("grant", TaggedCounters.OTHER)));
            assertEquals(1_001, sends.total());
            assertEquals(4, worker.count(), "three grants and 'other', whatever the number of grants");
        }
    }

    @Test
    void aNameStillHeldByAnotherInstanceIsSkippedNotFatal() {
        try (InMemoryPluginMetrics worker = new InMemoryPluginMetrics("c", 0)) {
            PluginMetricSet old = PluginMetricSet.of(worker.pluginMetrics());
            old.gauge("lag-ms", "Lag", () -> 1);
            PluginMetricSet successor = PluginMetricSet.of(worker.pluginMetrics());
            successor.gauge("lag-ms", "Lag", () -> 2);
            assertEquals(1, worker.value("lag-ms"));
            successor.close();
            assertEquals(1, worker.value("lag-ms"), "the successor removes only what it added");
        }
    }

    @Test
    void aContextWithoutPluginMetricsPublishesNothing() {
        PluginMetricSet set = PluginMetricSet.of(() -> {
            throw new UnsupportedOperationException("older worker");
        });
        assertFalse(set.published());
        set.gauge("x", "x", () -> 1);
        set.counters("y", "y", "kind", 2).increment("a");
        set.close();
    }

    @Test
    void deadLetterReasonsAreShortBoundedNames() {
        assertEquals("duplicates_detected", DeadLetterReasons.of("Contact DUPLICATES_DETECTED: Use one of these"));
        assertEquals("invalid-record", DeadLetterReasons.of("missing field id"));
        assertEquals("not-authorized", DeadLetterReasons.of(new NotAuthorizedException()));
        assertEquals("illegal-state", DeadLetterReasons.of(new IllegalStateException("x")));
    }

    private static final class NotAuthorizedException extends RuntimeException {
    }
}
