package io.nylassf.connect.plugin.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent by one sink connector's own threads in this JVM: Connect's task thread (consumer, converter,
 * put) and the task's batch writers. What a task costs in CPU, apart from the broker and the emulator that share
 * the machine.
 */
final class SinkCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SinkCpu() {
    }

    /** Nanoseconds of CPU used so far by the live threads of the connector named {@code connector}. */
    static long nanos(String connector) {
        long total = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            String n = t.getThreadName();
            if (n.startsWith("task-thread-" + connector + "-") || n.startsWith("salesforce-sink-" + connector + "-")) {
                long cpu = THREADS.getThreadCpuTime(t.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }
}
