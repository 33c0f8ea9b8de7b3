package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.salesforce.ApiLimitTracker;
import io.nylassf.testkit.connect.InMemoryPluginMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SinkMetricsTest {

    @Test
    void countsDeadLettersByReasonAndReportsTheApiBudget() {
        try (InMemoryPluginMetrics worker = new InMemoryPluginMetrics("sf-sink", 0)) {
            ApiLimitTracker limits = new ApiLimitTracker();
            SinkMetrics metrics = new SinkMetrics().publish(PluginMetricSet.of(worker.pluginMetrics()), limits, 20);
            assertEquals(-1L, worker.value("api-budget-max"), "unknown until Salesforce reports it");
            limits.observe("api-usage=400/1000");
            metrics.count(2, 1, 0, 4, 1);
            metrics.deadLettered("Contact DUPLICATES_DETECTED: Use one of these records?");
            metrics.deadLettered("Contact DUPLICATES_DETECTED: again");
            metrics.deadLettered("missing field id");
            assertEquals(3L, worker.value("records-out-total"));
            assertEquals(4L, worker.value("records-skipped-total"));
            assertEquals(1L, worker.value("conflicts-resolved-total"));
            assertEquals(2L, worker.value("dlq-records-total", Map.of("reason", "duplicates_detected")));
            assertEquals(1L, worker.value("dlq-records-total", Map.of("reason", "invalid-record")));
            assertEquals(1000L, worker.value("api-budget-max"));
            assertEquals(400L, worker.value("api-budget-used"));
            assertEquals(600L, worker.value("api-budget-remaining"));
            assertEquals(200L, worker.value("api-budget-reserve"));
            assertEquals(0, worker.value("api-budget-paused"));
            metrics.close();
            assertEquals(0, worker.count());
        }
    }
}
