package io.nylassf.connect.sink.nylas.exec;

import io.nylassf.connect.common.http.Backoff;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The actions that failed transiently (429 beyond the per-grant waits, 5xx, timeouts) and will run again on
 * their own, never with the rest of their batch: each waits its backoff (or the server's Retry-After) and gets
 * at most {@code maxAttempts} runs in all; after that the caller reports it to the DLQ. Used from the task
 * thread only.
 */
public final class RetryBook {
    private record Entry(PendingAction action, long dueMs) {
    }

    private final int maxAttempts;
    private final Backoff backoff;
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private long seq;

    public RetryBook(int maxAttempts, Backoff backoff) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** Schedules another run of an action that ran {@code p.attempts()} times; false when its attempts are spent. */
    public boolean schedule(PendingAction p, Duration retryAfter, long nowMs) {
        if (p.attempts() >= maxAttempts) {
            return false;
        }
        entries.put(seq++, new Entry(p, nowMs + backoff.delay(p.attempts(), retryAfter).toMillis()));
        return true;
    }

    /** The actions whose wait is over, oldest first, removed from the book. */
    public List<PendingAction> due(long nowMs) {
        List<PendingAction> out = new ArrayList<>();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.dueMs() <= nowMs) {
                out.add(e.action());
                it.remove();
            }
        }
        return out;
    }

    /** When the next action is due, or {@link Long#MAX_VALUE} when none waits. */
    public long nextDueMs() {
        return entries.values().stream().mapToLong(Entry::dueMs).min().orElse(Long.MAX_VALUE);
    }

    public Stream<PendingAction> held() {
        return entries.values().stream().map(Entry::action);
    }

    /** Forgets the actions of partitions this task no longer owns (uncommitted, so the new owner gets them). */
    public void drop(Collection<TopicPartition> partitions) {
        entries.values().removeIf(e -> partitions.contains(e.action().partition()));
    }

    public int size() {
        return entries.size();
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
