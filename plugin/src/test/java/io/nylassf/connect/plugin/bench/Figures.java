package io.nylassf.connect.plugin.bench;

/** What one writer did with one kind of record, phase by phase (null: the phase did not run for it). */
final class Figures {
    /** A backfill or replay: records written (visible), API calls, and the time they took. */
    record Phase(long records, long offered, long calls, long millis) {
        double callsPer1000() {
            return Stats.per1000(calls, records);
        }

        double recordsPerSecond() {
            return Stats.perSecond(records, millis);
        }

        /** True when the writer stopped early (its time box) or not every record became visible. */
        boolean partial() {
            return records < offered;
        }
    }

    /** A rate-limited stream: records produced and visible, API calls, produce-to-visible latency percentiles. */
    record Stream(int rate, int produced, int visible, long calls, double p50Millis, double p95Millis) {
        double callsPer1000() {
            return Stats.per1000(calls, produced);
        }

        /** Records never seen count at (drain end - produce time), so percentiles are then lower bounds. */
        boolean censored() {
            return visible < produced;
        }
    }

    final String writer;
    final RecordKind kind;
    Phase backfill;
    Phase replay;
    Phase backfillNoLatency;
    /** CPU the connector's own threads spent on the 0 ms backfill (0 when not measured). */
    long cpuNanos;

    /** Records per CPU-second of the task's own threads in the 0 ms backfill, or -1. */
    double recordsPerCpuSecond() {
        return backfillNoLatency == null || cpuNanos <= 0 ? -1 : backfillNoLatency.records() * 1e9 / cpuNanos;
    }
    Stream slow;
    Stream fast;
    Stream slowLinger;

    Figures(String writer, RecordKind kind) {
        this.writer = writer;
        this.kind = kind;
    }
}
