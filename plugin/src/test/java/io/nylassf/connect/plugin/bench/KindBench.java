package io.nylassf.connect.plugin.bench;

import io.nylassf.testkit.connect.ConnectClusterExtension;
import io.nylassf.testkit.salesforce.SalesforceEmulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every scenario for one kind of record, for the connector and the two reference writers. Each writer has its own
 * emulated org, identical (same seed data, same latency), so they never see each other's writes and API-call
 * counts stay exact per writer. Backfills and replays run one writer at a time; in the streams all three read
 * the same produced records at the same time.
 */
final class KindBench {
    private final BenchConfig cfg;
    private final RecordKind kind;
    private final BenchProducer producer;
    private final ConnectorDriver connector;
    private final SalesforceEmulator sf;
    private final VisibilityTracker seen;
    private final List<Ref> refs = new ArrayList<>();
    private final Figures figures;

    /** A reference writer with its own org and visibility tracker. */
    private record Ref(ReferenceWriter writer, SalesforceEmulator sf, VisibilityTracker seen, Figures figures) {}

    KindBench(BenchConfig cfg, RecordKind kind, ConnectClusterExtension connect, BenchProducer producer) {
        this.cfg = cfg;
        this.kind = kind;
        this.producer = producer;
        this.sf = BenchOrg.start(cfg.latencyMs());
        this.seen = new VisibilityTracker(sf);
        this.figures = new Figures("connector", kind);
        this.connector = new ConnectorDriver(connect, "bench-" + kind.label(), kind.topic);
        String bootstrap = connect.cluster().kafka().bootstrapServers();
        SalesforceEmulator perRecord = BenchOrg.start(cfg.latencyMs());
        SalesforceEmulator collections = BenchOrg.start(cfg.latencyMs());
        refs.add(ref(new ReferenceWriters.PerRecord(kind, bootstrap, perRecord.baseUrl()), perRecord));
        refs.add(ref(new ReferenceWriters.Collections200(kind, bootstrap, collections.baseUrl()), collections));
        connect.cluster().kafka().createTopic(kind.topic, 1);
    }

    private Ref ref(ReferenceWriter w, SalesforceEmulator org) {
        return new Ref(w, org, new VisibilityTracker(org), new Figures(w.name, kind));
    }

    /** Runs every scenario; returns the connector's figures, then the per-record's, then the collections'. */
    List<Figures> run() throws Exception {
        try {
            connector.configure(BenchOrg.connectorDefaults(sf, kind.topic));
            long from = connector.endOffset();
            log("cold backfill of " + cfg.records() + " at " + cfg.latencyMs() + " ms");
            figures.backfill = connectorBackfill(id("b"), cfg.records());
            log("replay");
            figures.replay = connectorReplay(from + cfg.records());
            for (Ref r : refs) {
                log(r.writer.name + " backfill and replay");
                r.figures.backfill = referenceRange(r, from, from + cfg.records());
                r.figures.replay = referenceRange(r, from, from + cfg.records());
            }
            log("stream at " + cfg.slowRate() + " rec/s for " + cfg.slowStreamSeconds() + " s");
            stream(id("s"), cfg.slowRate(), cfg.slowStreamSeconds(), true, (f, s) -> f.slow = s);
            log("stream at " + cfg.fastRate() + " rec/s for " + cfg.fastStreamSeconds() + " s");
            stream(id("f"), cfg.fastRate(), cfg.fastStreamSeconds(), true, (f, s) -> f.fast = s);
            Map<String, String> linger = BenchOrg.connectorDefaults(sf, kind.topic);
            linger.put("salesforce.linger.ms", "1000");
            connector.configure(linger);
            log("stream at " + cfg.slowRate() + " rec/s with salesforce.linger.ms=1000");
            stream(id("l"), cfg.slowRate(), cfg.lingerStreamSeconds(), false, (f, s) -> f.slowLinger = s);
            connector.configure(BenchOrg.connectorDefaults(sf, kind.topic));
            log("backfill of " + cfg.records() + " at 0 ms");
            setLatency(0);
            long zeroFrom = connector.endOffset();
            long cpuBefore = SinkCpu.nanos(connector.name);
            figures.backfillNoLatency = connectorBackfill(id("z"), cfg.records());
            figures.cpuNanos = SinkCpu.nanos(connector.name) - cpuBefore;
            for (Ref r : refs) {
                r.figures.backfillNoLatency = referenceRange(r, zeroFrom, zeroFrom + cfg.records());
            }
            setLatency(cfg.latencyMs());
        } finally {
            connector.delete();
            sf.close();
            refs.forEach(r -> r.sf.close());
        }
        List<Figures> out = new ArrayList<>(List.of(figures));
        refs.forEach(r -> out.add(r.figures));
        return out;
    }

    private void setLatency(long ms) {
        BenchOrg.latency(sf, ms);
        refs.forEach(r -> BenchOrg.latency(r.sf, ms));
    }

    /** Produces {@code n} new records; times first produce to last visible; counts calls until settled. */
    private Figures.Phase connectorBackfill(String prefix, int n) {
        long calls = sf.apiCallCount();
        long start = connector.endOffset();
        long first = producer.backfill(kind, prefix, n);
        ConnectorDriver.waitFor(Duration.ofMinutes(15), () -> seen.visible(prefix, n) >= n);
        int visible = seen.visible(prefix, n);
        long last = seen.lastSeen(prefix, n);
        connector.awaitCommitted(start + n, Duration.ofSeconds(60));
        ConnectorDriver.awaitQuiet(sf, 1_000, Duration.ofSeconds(30));
        return new Figures.Phase(visible, n, sf.apiCallCount() - calls, last < 0 ? -1 : last - first);
    }

    /** Stop, reset offsets, resume: counts calls until everything up to {@code end} is committed again. */
    private Figures.Phase connectorReplay(long end) {
        long calls = sf.apiCallCount();
        long start = System.currentTimeMillis();
        connector.resetOffsetsAndResume();
        boolean done = connector.awaitCommitted(end, Duration.ofMinutes(15));
        long millis = System.currentTimeMillis() - start;
        ConnectorDriver.awaitQuiet(sf, 1_000, Duration.ofSeconds(30));
        long replayed = done ? cfg.records() : Math.max(0, connector.committedOffset() - (end - cfg.records()));
        return new Figures.Phase(replayed, cfg.records(), sf.apiCallCount() - calls, millis);
    }

    /** One reference writer over offsets [from, to), time-boxed; its calls are synchronous, so wall time counts. */
    private Figures.Phase referenceRange(Ref r, long from, long to) throws Exception {
        long calls = r.sf.apiCallCount();
        long start = System.currentTimeMillis();
        long written = r.writer.runRange(from, to, start + cfg.referenceSeconds() * 1000L);
        long millis = System.currentTimeMillis() - start;
        return new Figures.Phase(written, to - from, r.sf.apiCallCount() - calls, millis);
    }

    private interface Sink {
        void accept(Figures f, Figures.Stream s);
    }

    /** A rate-limited stream read by the connector (and the references, if asked) at once; then a drain. */
    private void stream(String prefix, int rate, int seconds, boolean withRefs, Sink sink) throws Exception {
        List<Ref> readers = withRefs ? refs : List.of();
        long from = connector.endOffset();
        long calls = sf.apiCallCount();
        long[] refCalls = new long[readers.size()];
        for (int i = 0; i < readers.size(); i++) {
            refCalls[i] = readers.get(i).sf.apiCallCount();
            readers.get(i).writer.startStream(from);
        }
        int n = producer.stream(kind, prefix, rate, seconds).await();
        ConnectorDriver.waitFor(Duration.ofSeconds(cfg.drainSeconds()), () -> seen.visible(prefix, n) >= n
                && readers.stream().allMatch(r -> r.seen.visible(prefix, n) >= n));
        long drainEnd = System.currentTimeMillis();
        for (Ref r : readers) {
            r.writer.stopStream();
        }
        connector.awaitCommitted(from + n, Duration.ofSeconds(30));
        ConnectorDriver.awaitQuiet(sf, 1_000, Duration.ofSeconds(30));
        sink.accept(figures, latencies(seen, prefix, n, rate, sf.apiCallCount() - calls, drainEnd));
        for (int i = 0; i < readers.size(); i++) {
            Ref r = readers.get(i);
            sink.accept(r.figures, latencies(r.seen, prefix, n, rate, r.sf.apiCallCount() - refCalls[i], drainEnd));
        }
    }

    private Figures.Stream latencies(VisibilityTracker t, String prefix, int n, int rate, long calls, long drainEnd) {
        List<Long> millis = new ArrayList<>(n);
        int visible = 0;
        t.poll();
        for (int i = 0; i < n; i++) {
            String id = prefix + "-" + i;
            Long produced = producer.producedAt(id);
            Long at = t.firstSeen(id);
            if (at != null) {
                visible++;
            }
            millis.add((at != null ? at : drainEnd) - produced);
        }
        return new Figures.Stream(rate, n, visible, calls, Stats.percentile(millis, 50), Stats.percentile(millis, 95));
    }

    /** Ids unique per kind and phase, e.g. {@code mb-17}: the 18th message of the cold backfill. */
    private String id(String phase) {
        return kind.label().charAt(0) + phase;
    }

    private void log(String what) {
        ReportWriter.progress(kind.label() + ": " + what);
    }
}
