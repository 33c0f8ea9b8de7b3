package io.nylassf.connect.source.nylas;

import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restarted task takes its JMX name over; the old instance stopping late must not take the new one's away. */
class NylasSourceMetricsRestartTest {
    @Test
    void anOldInstanceStoppingAfterItsSuccessorStartedLeavesTheSuccessorsMBean() throws Exception {
        ObjectName name = new ObjectName("io.nylassf.connect:type=nylas-source-task,connector="
                + ObjectName.quote("restart-test") + ",task=3");
        NylasSourceMetrics old = new NylasSourceMetrics();
        old.register("restart-test", 3);
        NylasSourceMetrics successor = new NylasSourceMetrics();
        successor.register("restart-test", 3);
        successor.recordsRead(5);
        old.unregister();
        assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(name), "successor's MBean is gone");
        assertEquals(5L, ManagementFactory.getPlatformMBeanServer().getAttribute(name, "RecordsRead"));
        successor.unregister();
        assertFalse(ManagementFactory.getPlatformMBeanServer().isRegistered(name));
    }
}
