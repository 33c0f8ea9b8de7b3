package io.nylassf.connect.source.nylas.read;

import io.nylassf.connect.source.nylas.offset.StreamPartition;

/**
 * What every {@link StreamReader} shares: its stream, the pace it waits by once caught up, and when it is due.
 */
abstract class PacedReader implements StreamReader {
    protected final StreamPartition partition;
    private final ReadPace pace;
    /** Epoch ms before which the reader has no work (0: due now). */
    private long readyAt;

    PacedReader(StreamPartition partition, ReadPace pace) {
        this.partition = partition;
        this.pace = pace;
    }

    @Override
    public StreamPartition partition() {
        return partition;
    }

    @Override
    public long readyAt() {
        return readyAt;
    }

    @Override
    public void waitAtMost(long nowMs, long waitMs) {
        readyAt = Math.min(readyAt, nowMs + waitMs);
    }

    /** More to read (the next page, the next window): due at once. */
    protected void dueNow() {
        readyAt = 0;
    }

    /** Something the pace should know: the grant showed activity now. */
    protected void activity(long nowMs) {
        pace.activity(partition.grantId(), nowMs);
    }

    /** Just caught up from a backlog: the tail the lag left is read after the short wait. */
    protected void waitAfterCatchingUp(long nowMs) {
        readyAt = nowMs + pace.catchUpWaitMs(partition.grantId(), nowMs);
    }

    /** Caught up: the next read is one paced wait from now. */
    protected void waitForNextRead(long nowMs) {
        readyAt = nowMs + pace.waitMs(partition.grantId(), nowMs);
    }
}
