package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.source.nylas.offset.StreamPartition;
import io.nylassf.testkit.connect.InMemoryPluginMetrics;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NylasSourceMetricsTest {

    @Test
    void publishesThroughPluginMetricsWithGrantsBoundedAndRemovesThemOnClose() {
        try (InMemoryPluginMetrics worker = new InMemoryPluginMetrics("nylas-source", 3)) {
            NylasSourceMetrics metrics = new NylasSourceMetrics().publish(PluginMetricSet.of(worker.pluginMetrics()));
            metrics.recordsRead(5);
            metrics.accepted();
            metrics.rejected(401);
            for (int g = 0; g < NylasSourceMetrics.MAX_GRANT_TAGS + 50; g++) {
                metrics.acknowledged(new SourceRecord(Map.of(StreamPartition.GRANT, "g" + g), Map.of(), "t", null,
                        null));
            }
            assertEquals(5L, worker.value("records-in-total"));
            assertEquals((long) NylasSourceMetrics.MAX_GRANT_TAGS + 50, worker.value("records-out-total"));
            assertEquals(1L, worker.value("webhooks-accepted-total"));
            assertEquals(1L, worker.value("webhooks-rejected-total"));
            assertEquals(1L, worker.value("grant-records-out-total", Map.of("grant", "g0")));
            assertEquals(50L, worker.value("grant-records-out-total", Map.of("grant", "other")));
            metrics.close();
            assertEquals(0, worker.count(), "a stopped task leaves no metric behind");
        }
    }
}
