package io.nylassf.connect.source.nylas;

import io.nylassf.connect.common.nylas.NylasClient;
import io.nylassf.testkit.nylas.NylasEmulator;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deterministic grant spreading, task indexes, declared exactly-once support, validate() and grant discovery. */
class NylasSourceConnectorTest {
    private static final Map<String, String> PROPS = Map.of("nylas.api.key", "k", "nylas.api.url",
            "http://127.0.0.1:9", "nylas.grant.ids", "g5,g1,g3,g2,g4");

    @Test
    void spreadsGrantsOverMinOfTasksAndGrantsDeterministically() {
        NylasSourceConnector c = new NylasSourceConnector();
        c.start(PROPS);
        List<Map<String, String>> two = c.taskConfigs(2);
        assertEquals(2, two.size());
        assertEquals("g1,g3,g5", two.get(0).get(NylasSourceTaskConfig.TASK_GRANTS));
        assertEquals("g2,g4", two.get(1).get(NylasSourceTaskConfig.TASK_GRANTS));
        assertEquals("0", two.get(0).get(NylasSourceTaskConfig.TASK_INDEX));
        assertEquals("1", two.get(1).get(NylasSourceTaskConfig.TASK_INDEX));
        assertEquals(two, c.taskConfigs(2), "same input, same assignment");

        List<Map<String, String>> many = c.taskConfigs(10);
        assertEquals(5, many.size(), "never more tasks than grants");
        Set<String> seen = new HashSet<>();
        many.forEach(t -> seen.add(t.get(NylasSourceTaskConfig.TASK_GRANTS)));
        assertEquals(Set.of("g1", "g2", "g3", "g4", "g5"), seen);
        c.stop();
    }

    @Test
    void declaresExactlyOnceSupportButNoConnectorDefinedTransactions() {
        assertEquals(ExactlyOnceSupport.SUPPORTED, new NylasSourceConnector().exactlyOnceSupport(PROPS));
        assertEquals(ConnectorTransactionBoundaries.UNSUPPORTED,
                new NylasSourceConnector().canDefineTransactionBoundaries(PROPS));
    }

    @Test
    void validateChecksTheApiKeyAndThatTheUrlIsNylasButToleratesAnUnreachableApi() {
        try (NylasEmulator nylas = NylasEmulator.builder().build().start()) {
            Map<String, String> good = Map.of("nylas.api.url", nylas.baseUrl(), "nylas.api.key", nylas.apiKey());
            assertEquals(Map.of(), errors(good));

            Map<String, List<String>> badKey = errors(Map.of("nylas.api.url", nylas.baseUrl(),
                    "nylas.api.key", "nyk_wrong"));
            assertEquals(Set.of("nylas.api.key"), badKey.keySet());
            assertTrue(badKey.get("nylas.api.key").get(0).contains("rejected the API key"), badKey.toString());

            Map<String, List<String>> notNylas = errors(Map.of("nylas.api.url", nylas.baseUrl() + "/not-nylas",
                    "nylas.api.key", nylas.apiKey()));
            assertEquals(Set.of("nylas.api.url"), notNylas.keySet());
            assertTrue(notNylas.get("nylas.api.url").get(0).contains("does not answer as the Nylas v3 API"),
                    notNylas.toString());
        }
        // nothing listens on port 9: logged, not an error (validation must not block changes during an outage)
        long started = System.nanoTime();
        assertEquals(Map.of(), errors(Map.of("nylas.api.url", "http://127.0.0.1:9", "nylas.api.key", "k",
                "nylas.request.timeout.ms", "2000")));
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "bounded by the request timeout");
    }

    @Test
    void aGrantListThatFirstFailsAsksForTaskConfigsOnceItIsRead() {
        try (NylasEmulator nylas = NylasEmulator.builder().build().start();
             NylasClient client = new NylasClient(nylas.baseUrl(), nylas.apiKey(), Duration.ofSeconds(5))) {
            nylas.createGrant("a@example.com", "google");
            AtomicInteger asked = new AtomicInteger();
            GrantMonitor monitor = new GrantMonitor(client, asked::incrementAndGet);
            nylas.faults().failNext("503", 1);
            monitor.refresh(false);
            assertEquals(List.of(), monitor.grants(), "a failed first listing leaves no grant");
            monitor.refresh(true);
            assertEquals(1, monitor.grants().size());
            assertEquals(1, asked.get(), "reconfiguration requested once the list could be read");
            monitor.refresh(true);
            assertEquals(1, asked.get(), "same set, no request");
            nylas.createGrant("b@example.com", "google");
            monitor.refresh(true);
            assertEquals(2, asked.get());
            monitor.close();
        }
    }

    private static Map<String, List<String>> errors(Map<String, String> props) {
        Map<String, String> all = new HashMap<>(props);
        all.put("nylas.grant.ids", "g1");
        Config config = new NylasSourceConnector().validate(all);
        Map<String, List<String>> out = new HashMap<>();
        config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .forEach(v -> out.put(v.name(), v.errorMessages()));
        return out;
    }
}
