package io.nylassf.connect.source.nylas.read;

import io.nylassf.connect.source.nylas.offset.StreamPartition;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.List;

/**
 * One windowed stream of one grant, as a state machine driven by {@link ReadScheduler}: each {@link #step} makes
 * at most one API call (one page), so one busy grant never starves the others.
 */
public interface StreamReader {
    StreamPartition partition();

    /** Earliest time (epoch ms) the reader has work; the scheduler skips it before then. */
    long readyAt();

    /**
     * Does one unit of work: one page read, or handing out buffered records. Returns records to write (possibly
     * none). A failed call throws {@link io.nylassf.connect.common.nylas.NylasApiException} and leaves the reader
     * where it was, so the same page is asked again after the backoff.
     */
    List<SourceRecord> step(long nowMs, int maxRecords);

    /** Drops a window in progress (e.g. after its page token was refused) so the next step starts it again. */
    void restartWindow();

    /** Cuts a wait longer than {@code waitMs} short (webhooks stopped being trusted: the backstop must read now). */
    void waitAtMost(long nowMs, long waitMs);
}
