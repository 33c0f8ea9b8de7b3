package io.nylassf.connect.source.nylas;

import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deterministic grant spreading, task indexes and declared exactly-once support. */
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
    void declaresExactlyOnceSupport() {
        assertEquals(ExactlyOnceSupport.SUPPORTED, new NylasSourceConnector().exactlyOnceSupport(PROPS));
    }
}
