package io.nylassf.connect.plugin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The benchmark's figures as Markdown: printed and written to target/bench. Reports targets; asserts nothing. */
final class ReportWriter {
    static final Path OUT = Path.of("target", "bench", "salesforce-sink-steady-state.md");

    /** The JVM's heap after the heap run (one JVM: broker, Connect worker, emulators and this harness). */
    record Heap(long records, long visible, long millis, long usedBeforeBytes, long usedAfterBytes,
                long usedWithoutOrgBytes) {}

    private final StringBuilder md = new StringBuilder();

    String render(BenchConfig cfg, List<Figures> all, Heap heap, String title, String note) {
        md.setLength(0);
        line("# " + title);
        line("");
        if (note != null) {
            line(note);
            line("");
        }
        line("Run: " + cfg.describe() + ".");
        line("Connector: the packaged SalesforceSinkConnector, tasks.max=1, default settings (only connection settings,"
                + " topics and JSON converters), one partition per topic. Reference writers: plain Java, one thread,"
                + " synchronous HTTP, no lookups, each with its own identical emulated org. `*` = partial: a reference"
                + " writer's time box ended, or not every record became visible (then latencies are lower bounds).");
        line("");
        line("## Salesforce API calls per 1,000 records (lookups included)");
        line("");
        line("| kind | writer | cold backfill | replay | stream " + cfg.slowRate() + "/s | stream " + cfg.fastRate()
                + "/s | stream " + cfg.slowRate() + "/s, linger.ms=1000 |");
        line("|---|---|---:|---:|---:|---:|---:|");
        for (Figures f : all) {
            line(row(f.kind.label(), f.writer, calls(f.backfill), calls(f.replay), calls(f.slow), calls(f.fast),
                    calls(f.slowLinger)));
        }
        line(row("target", "connector", "≤ 2.5", "≤ 1.5", "≤ 20", "–", "–"));
        line("");
        line("## Throughput: records/s per task (backfill, first produce → last record visible)");
        line("");
        line("| kind | writer | at " + cfg.latencyMs() + " ms/call | at 0 ms/call | at 0 ms, per CPU-second of the task |");
        line("|---|---|---:|---:|---:|");
        for (Figures f : all) {
            double cpu = f.recordsPerCpuSecond();
            line(row(f.kind.label(), f.writer, rate(f.backfill), rate(f.backfillNoLatency),
                    cpu < 0 ? "–" : fmt(cpu, "%,.0f")));
        }
        line(row("target", "connector", "≥ 3× collections-200, ≥ 300× per-record", "≥ 20,000", "≥ 20,000"));
        line("");
        line("Per CPU-second: records divided by the CPU time of the connector's own threads (Connect's task thread, "
                + "with its consumer and converter, and the batch writers), measured with ThreadMXBean; the broker "
                + "and the emulated org share the same two cores and are not counted.");
        line("");
        line("## Connector ÷ reference writer");
        line("");
        line("Above 1: the connector's figure is the larger (better for records/s, worse for calls).");
        line("");
        line("| kind | versus | records/s at " + cfg.latencyMs() + " ms | records/s at 0 ms | calls, backfill | calls, "
                + "stream " + cfg.slowRate() + "/s | calls, stream " + cfg.fastRate() + "/s |");
        line("|---|---|---:|---:|---:|---:|---:|");
        for (Figures c : all) {
            if (!c.writer.equals("connector")) {
                continue;
            }
            for (Figures r : all) {
                if (r.kind == c.kind && !r.writer.equals("connector")) {
                    line(row(c.kind.label(), r.writer,
                            ratio(c.backfill, r.backfill, Figures.Phase::recordsPerSecond),
                            ratio(c.backfillNoLatency, r.backfillNoLatency, Figures.Phase::recordsPerSecond),
                            ratio(c.backfill, r.backfill, Figures.Phase::callsPer1000),
                            ratio(c.slow, r.slow, Figures.Stream::callsPer1000),
                            ratio(c.fast, r.fast, Figures.Stream::callsPer1000)));
                }
            }
        }
        line("");
        line("## Produce → visible in Salesforce, p50 / p95 (ms)");
        line("");
        line("| kind | writer | stream " + cfg.slowRate() + "/s | stream " + cfg.fastRate() + "/s | stream "
                + cfg.slowRate() + "/s, linger.ms=1000 |");
        line("|---|---|---:|---:|---:|");
        for (Figures f : all) {
            line(row(f.kind.label(), f.writer, latency(f.slow), latency(f.fast), latency(f.slowLinger)));
        }
        line(row("target", "connector", "–", "–", "p95 ≤ 2,000"));
        line("");
        line("## Heap");
        line("");
        if (heap == null) {
            line("Heap run skipped.");
        } else {
            line(String.format(Locale.ROOT, "Heap used after %,d messages through the connector at 0 ms (%,d visible, "
                            + "%s records/s): **%.0f MiB** after a GC; %.0f MiB once the emulated org's rows are dropped "
                            + "(connector still running); %.0f MiB before the run. Target < 256 MiB. Whole JVM: broker, "
                            + "Connect worker, the emulated org (until dropped) and the harness.",
                    heap.records(), heap.visible(), fmt(Stats.perSecond(heap.visible(), heap.millis()), "%,.0f"),
                    mib(heap.usedAfterBytes()), mib(heap.usedWithoutOrgBytes()), mib(heap.usedBeforeBytes())));
        }
        return md.toString();
    }

    static final Path PROGRESS = Path.of("target", "bench", "progress.log");

    /** A timestamped progress line on stdout and in target/bench/progress.log (failsafe holds stdout back). */
    static synchronized void progress(String line) {
        String s = java.time.Instant.now() + " BENCH " + line;
        System.out.println(s);
        try {
            Files.createDirectories(PROGRESS.getParent());
            Files.writeString(PROGRESS, s + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot write " + PROGRESS + ": " + e);
        }
    }

    static void write(String markdown) throws IOException {
        Files.createDirectories(OUT.getParent());
        Files.writeString(OUT, markdown);
    }

    private static String calls(Figures.Phase p) {
        return p == null ? "–" : fmt(p.callsPer1000(), "%,.2f") + (p.partial() ? "*" : "");
    }

    private static String calls(Figures.Stream s) {
        return s == null ? "–" : fmt(s.callsPer1000(), "%,.1f") + (s.censored() ? "*" : "");
    }

    private static String rate(Figures.Phase p) {
        if (p == null) {
            return "–";
        }
        return fmt(p.recordsPerSecond(), "%,.1f") + (p.partial() ? "* (" + p.records() + " of " + p.offered() + ")" : "");
    }

    private static String latency(Figures.Stream s) {
        if (s == null) {
            return "–";
        }
        String v = fmt(s.p50Millis(), "%,.0f") + " / " + fmt(s.p95Millis(), "%,.0f");
        return s.censored() ? "≥ " + v + "* (" + s.visible() + " of " + s.produced() + " visible)" : v;
    }

    private static <T> String ratio(T connector, T reference, Function<T, Double> figure) {
        if (connector == null || reference == null) {
            return "–";
        }
        return fmt(Stats.ratio(figure.apply(connector), figure.apply(reference)), "%,.2f") + "×";
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    static String fmt(double v, String format) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}
