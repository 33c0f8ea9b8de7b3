package io.nylassf.connect.plugin.bench;

import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.connect.PluginArchive;
import io.nylassf.testkit.salesforce.SalesforceEmulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * API economy, throughput, latency and heap of the packaged Salesforce sink on an embedded Connect cluster against
 * the Salesforce emulator (100 ms per call by default), beside two reference writers: the one-call-per-record
 * recipe and a 200-records-per-call writer without lookups. Prints a Markdown report and writes it to
 * {@code plugin/target/bench/salesforce-sink-steady-state.md}. Reports targets, asserts none. Run it with
 * (quick smoke run, under 3 minutes; drop {@code -Dbench.quick=true} for the full run, about 25 minutes):
 *
 * <pre>
 * mvn -B -o -pl plugin -am -Pbench verify -Dit.test=SalesforceSinkSteadyStateBenchIT -Dtest=NONE -Dbench.quick=true
 * </pre>
 *
 * Sizes: {@code bench.records}, {@code bench.heap.records}, {@code bench.stream.seconds} (both streams) or
 * {@code bench.stream.slow.seconds} / {@code bench.stream.fast.seconds}, {@code bench.stream.linger.seconds},
 * {@code bench.latency.ms}, {@code bench.reference.seconds}, {@code bench.drain.seconds}, {@code bench.kinds};
 * see {@link BenchConfig}.
 */
@Tag("bench")
class SalesforceSinkSteadyStateBenchIT {
    private static final BenchConfig CFG = BenchConfig.fromSystemProperties();

    @RegisterExtension
    static final ConnectClusterExtension CONNECT = ConnectClusterExtension.builder()
            .pluginPath(PluginArchive.installInto(PluginArchive.builtZip(), Path.of("target", "bench-plugin-path")))
            .build();

    @Test
    void steadyState() throws Exception {
        ReportWriter.progress(CFG.describe());
        List<Figures> all = new ArrayList<>();
        ReportWriter.Heap heap;
        try (BenchProducer producer = new BenchProducer(CONNECT.cluster().kafka()
                .createProducer(Map.of("linger.ms", 0)))) {
            for (RecordKind kind : CFG.kinds()) {
                all.addAll(new KindBench(CFG, kind, CONNECT, producer).run());
            }
            heap = CFG.heapRecords() > 0 ? heapRun(producer) : null;
        }
        String note = System.getProperty("bench.note", CFG.quick()
                ? "**Quick smoke run** (`-Dbench.quick=true`): sizes and durations scaled down to check the harness; "
                + "not the benchmark's figures." : null);
        String report = new ReportWriter().render(CFG, all, heap, "Salesforce sink: API economy and throughput", note);
        ReportWriter.write(report);
        System.out.println(report);
        System.out.println("BENCH report written to " + ReportWriter.OUT.toAbsolutePath());
    }

    /** {@code bench.heap.records} messages through a fresh connector at 0 ms; heap used after a GC. */
    private static ReportWriter.Heap heapRun(BenchProducer producer) {
        long before = usedHeapAfterGc();
        String topic = "nylas.messages-heap";
        CONNECT.cluster().kafka().createTopic(topic, 1);
        ConnectorDriver connector = new ConnectorDriver(CONNECT, "bench-heap", topic);
        try (SalesforceEmulator sf = BenchOrg.start(0)) {
            VisibilityTracker seen = new VisibilityTracker(sf);
            connector.configure(BenchOrg.connectorDefaults(sf, topic));
            int n = CFG.heapRecords();
            ReportWriter.progress("heap run: " + n + " messages at 0 ms");
            long first = producer.backfill(topic, RecordKind.MESSAGES, "heap", n);
            ConnectorDriver.waitFor(Duration.ofMinutes(15), () -> seen.visible("heap", n) >= n);
            int visible = seen.visible("heap", n);
            long millis = seen.lastSeen("heap", n) - first;
            long after = usedHeapAfterGc();
            sf.org().clear(); // the emulated org lives in this JVM too: drop its rows, keep the connector running
            long withoutOrg = usedHeapAfterGc();
            connector.delete();
            return new ReportWriter.Heap(n, visible, millis, before, after, withoutOrg);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            ConnectorDriver.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
