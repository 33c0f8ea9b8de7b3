package io.nylassf.connect.common.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Registers a task's MBean under {@code io.nylassf.connect:type=<type>,connector=<name>,task=<n>}. A restarted task
 * takes the name over from an instance that has not stopped yet; that older instance's {@link #unregister} then
 * leaves the new registration alone, because only the instance that holds a name may remove it.
 */
public final class TaskMBeans {
    private static final Logger log = LoggerFactory.getLogger(TaskMBeans.class);
    private static final Map<ObjectName, Object> HOLDERS = new HashMap<>();

    private TaskMBeans() {
    }

    /** Registers {@code mbean}, replacing whatever held the name; null (logged) when JMX refuses it. */
    public static ObjectName register(Object mbean, String type, String connector, int task) {
        try {
            ObjectName name = new ObjectName("io.nylassf.connect:type=" + type + ",connector="
                    + ObjectName.quote(connector == null ? "unnamed" : connector) + ",task=" + task);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            synchronized (HOLDERS) {
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
                server.registerMBean(mbean, name);
                HOLDERS.put(name, mbean);
            }
            return name;
        } catch (Exception e) {
            log.warn("Could not register the {} MBean: {}", type, e.toString());
            return null;
        }
    }

    /** Unregisters {@code name} only while {@code mbean} still holds it. */
    public static void unregister(ObjectName name, Object mbean) {
        if (name == null) {
            return;
        }
        synchronized (HOLDERS) {
            if (HOLDERS.get(name) != mbean) {
                return;
            }
            HOLDERS.remove(name);
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
            } catch (Exception e) {
                log.debug("Could not unregister {}", name, e);
            }
        }
    }
}
