package io.nylassf.connect.sink.salesforce;

import io.nylassf.connect.common.config.SalesforceAuthMethod;
import io.nylassf.connect.common.metrics.PluginMetricSet;
import io.nylassf.connect.common.salesforce.ApiBudget;
import io.nylassf.connect.common.salesforce.ApiReserve;
import io.nylassf.connect.common.salesforce.SalesforceClient;
import io.nylassf.connect.common.salesforce.SalesforceSettings;
import io.nylassf.testkit.connect.InMemoryPluginMetrics;
import io.nylassf.testkit.salesforce.Org;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SinkMetricsTest {

    @Test
    void countsDeadLettersByReasonCallsByKindAndReportsTheApiBudget() {
        try (SalesforceEmulator sf = SalesforceEmulator.builder().clientCredentials("cc-app", "cc-secret", null)
                     .build().start();
             SalesforceClient client = new SalesforceClient(new SalesforceSettings(sf.baseUrl(), "v62.0",
                     SalesforceAuthMethod.CLIENT_CREDENTIALS, "cc-app", "cc-secret", Org.INTEGRATION_USERNAME, null,
                     null, Duration.ofSeconds(10), "test-client", false));
             InMemoryPluginMetrics worker = new InMemoryPluginMetrics("sf-sink", 0)) {
            ApiBudget budget = new ApiBudget(client, new ApiReserve(20, Duration.ofMinutes(1)), Clock.systemUTC(),
                    "writes");
            SinkMetrics metrics = new SinkMetrics().publish(PluginMetricSet.of(worker.pluginMetrics()), client, budget);
            assertEquals(-1L, worker.value("api-budget-max"), "unknown until Salesforce reports it");
            sf.setApiUsage(400);
            client.query("SELECT Id FROM Contact");
            metrics.count(2, 1, 0, 4, 1);
            metrics.deadLettered("Contact DUPLICATES_DETECTED: Use one of these records?");
            metrics.deadLettered("Contact DUPLICATES_DETECTED: again");
            metrics.deadLettered("missing field id");
            assertEquals(3L, worker.value("records-out-total"));
            assertEquals(4L, worker.value("records-skipped-total"));
            assertEquals(1L, worker.value("conflicts-resolved-total"));
            assertEquals(3L, worker.value("dlq-records-total"));
            assertEquals(2L, worker.value("dlq-records-total", Map.of("reason", "duplicates_detected")));
            assertEquals(1L, worker.value("dlq-records-total", Map.of("reason", "invalid-record")));
            assertEquals(1L, worker.value("api-calls-total", Map.of("kind", "token")));
            assertEquals(1L, worker.value("api-calls-total", Map.of("kind", "query")));
            assertEquals(0L, worker.value("api-calls-total", Map.of("kind", "bulk")));
            long max = sf.dailyApiLimit();
            assertEquals(max, worker.value("api-budget-max"));
            assertEquals(max - ((Number) worker.value("api-budget-used")).longValue(),
                    worker.value("api-budget-remaining"));
            assertEquals(max / 5, worker.value("api-budget-reserve"));
            assertEquals(0, worker.value("api-budget-paused"));
            metrics.close();
            assertEquals(0, worker.count());
        }
    }
}
