package io.nylassf.connect.sink.nylas;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-task counters, registered as {@code io.nylassf.connect:type=nylas-sink-task-metrics,connector=<name>,
 * task=<n>}. A restarted task takes the name over; the old instance's {@link #close()} then leaves the new one's
 * registration alone.
 */
public final class NylasSinkMetrics implements NylasSinkMetricsMBean, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NylasSinkMetrics.class);
    /** Which instance holds each name, so only the holder unregisters it. */
    private static final Map<ObjectName, NylasSinkMetrics> HOLDERS = new ConcurrentHashMap<>();

    private final AtomicLong notAuthorized = new AtomicLong();
    private final AtomicLong dlq = new AtomicLong();
    private ObjectName name;

    public NylasSinkMetrics register(String connector, int task) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName n = new ObjectName("io.nylassf.connect:type=nylas-sink-task-metrics,connector="
                    + ObjectName.quote(connector == null ? "unnamed" : connector) + ",task=" + task);
            synchronized (HOLDERS) {
                if (server.isRegistered(n)) {
                    server.unregisterMBean(n);
                }
                server.registerMBean(this, n);
                HOLDERS.put(n, this);
            }
            this.name = n;
        } catch (Exception e) {
            log.warn("Could not register Nylas sink metrics MBean: {}", e.toString());
        }
        return this;
    }

    public ObjectName objectName() {
        return name;
    }

    void notAuthorized() {
        notAuthorized.incrementAndGet();
    }

    void dlq() {
        dlq.incrementAndGet();
    }

    @Override
    public long getActionsNotAuthorized() {
        return notAuthorized.get();
    }

    @Override
    public long getDlqRecords() {
        return dlq.get();
    }

    @Override
    public void close() {
        if (name == null) {
            return;
        }
        synchronized (HOLDERS) {
            if (HOLDERS.remove(name, this)) {
                try {
                    ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
                } catch (Exception e) {
                    log.debug("Could not unregister {}", name, e);
                }
            }
        }
        name = null;
    }
}
