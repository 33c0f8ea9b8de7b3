package io.nylassf.connect.sink.salesforce.accumulate;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * One assigned partition's offsets that are not final yet (buffered, being written, waiting for a retry).
 * The partition may be committed up to, not including, the lowest of them. Used on the task thread only.
 */
final class PartitionLedger {
    private final TreeSet<Long> open = new TreeSet<>();
    private long highest = -1;
    private boolean closed;

    void received(long offset) {
        open.add(offset);
        highest = Math.max(highest, offset);
    }

    /** Written or dead-lettered: no longer holds the partition back. */
    void finished(long offset) {
        open.remove(offset);
    }

    /** The offset to commit (the next record to read), or empty when nothing was received in this assignment. */
    OptionalLong committable() {
        if (!open.isEmpty()) {
            return OptionalLong.of(open.first());
        }
        return highest < 0 ? OptionalLong.empty() : OptionalLong.of(highest + 1);
    }

    int openCount() {
        return open.size();
    }

    void close() {
        closed = true;
        open.clear();
    }

    boolean isClosed() {
        return closed;
    }
}
