package io.nylassf.connect.sink.salesforce;

import org.junit.jupiter.api.Test;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A restarted task takes its JMX name over; the old instance stopping late must not take the new one's away. */
class SinkMetricsRestartTest {
    @Test
    void anOldInstanceStoppingAfterItsSuccessorStartedLeavesTheSuccessorsMBean() throws Exception {
        SinkMetrics old = new SinkMetrics().register("restart-test", 7, null);
        SinkMetrics successor = new SinkMetrics().register("restart-test", 7, null);
        ObjectName name = successor.objectName();
        successor.created.incrementAndGet();
        old.close();
        assertTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(name), "successor's MBean is gone");
        assertEquals(1L, ManagementFactory.getPlatformMBeanServer().getAttribute(name, "RecordsCreated"));
        successor.close();
        assertFalse(ManagementFactory.getPlatformMBeanServer().isRegistered(name));
    }
}
