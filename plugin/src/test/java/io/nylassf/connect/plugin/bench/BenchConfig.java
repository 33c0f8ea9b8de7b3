package io.nylassf.connect.plugin.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Sizes and durations, from system properties. {@code -Dbench.quick=true} scales everything down to a smoke run
 * of a few minutes; any single property given explicitly wins over both modes.
 */
record BenchConfig(boolean quick, int records, int heapRecords, int slowStreamSeconds, int fastStreamSeconds,
                   int lingerStreamSeconds, int slowRate, int fastRate, long latencyMs, int referenceSeconds,
                   int drainSeconds, List<RecordKind> kinds) {

    static BenchConfig fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        int streamAll = Integer.getInteger("bench.stream.seconds", -1);
        int slow = Integer.getInteger("bench.stream.slow.seconds", streamAll > 0 ? streamAll : quick ? 5 : 120);
        int fast = Integer.getInteger("bench.stream.fast.seconds", streamAll > 0 ? streamAll : quick ? 5 : 60);
        List<RecordKind> kinds = new ArrayList<>();
        for (String k : System.getProperty("bench.kinds", "contacts,messages,events").split(",")) {
            if (!k.isBlank()) {
                kinds.add(RecordKind.valueOf(k.trim().toUpperCase()));
            }
        }
        return new BenchConfig(quick,
                Integer.getInteger("bench.records", quick ? 500 : 10_000),
                Integer.getInteger("bench.heap.records", quick ? 5_000 : 100_000),
                slow, fast,
                Integer.getInteger("bench.stream.linger.seconds", quick ? 5 : 60),
                Integer.getInteger("bench.stream.slow.rate", 10),
                Integer.getInteger("bench.stream.fast.rate", 100),
                Long.getLong("bench.latency.ms", 100),
                Integer.getInteger("bench.reference.seconds", quick ? 2 : 20),
                Integer.getInteger("bench.drain.seconds", quick ? 5 : 30),
                List.copyOf(kinds));
    }

    String describe() {
        return String.format("mode=%s, backfill=%,d records, heap run=%,d records, streams: %d rec/s for %d s and "
                        + "%d rec/s for %d s (linger.ms=1000 stream: %d s), latency=%d ms, reference time box=%d s, "
                        + "drain=%d s, kinds=%s", quick ? "quick" : "full", records, heapRecords, slowRate,
                slowStreamSeconds, fastRate, fastStreamSeconds, lingerStreamSeconds, latencyMs, referenceSeconds,
                drainSeconds, kinds);
    }
}
