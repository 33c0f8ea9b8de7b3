package io.nylassf.connect.sink.nylas.exec;

import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The actions of grants Nylas reported expired or revoked, kept in arrival order per grant while the other
 * grants go on. Every {@code checkInterval} the caller's check asks Nylas whether a parked grant is valid again
 * ({@code GET /v3/grants/{id}}); when it is, its actions are handed back to run, in order. An action that waited
 * longer than {@code maxAge}, or the oldest ones beyond {@code maxActions} in all, are handed back for the DLQ.
 * Their offsets stay uncommitted meanwhile (see {@link HeldOffsets}), so a restart redelivers them from Kafka.
 * Mutated from the task thread only; {@link #isParked} may be read from the writer's threads.
 */
public final class ParkedGrants {
    private final Duration checkInterval;
    private final Duration maxAge;
    private final int maxActions;
    private final Map<String, Deque<PendingAction>> parked = new LinkedHashMap<>();
    private final Map<String, Long> nextCheckMs = new ConcurrentHashMap<>();
    private int size;

    public ParkedGrants(Duration checkInterval, Duration maxAge, int maxActions) {
        this.checkInterval = checkInterval;
        this.maxAge = maxAge;
        this.maxActions = maxActions;
    }

    /** Whether calls for this grant should wait (no call is spent on a grant known to be expired). */
    public boolean isParked(String grant) {
        return grant != null && nextCheckMs.containsKey(grant);
    }

    public void park(String grant, PendingAction p, long nowMs) {
        parked.computeIfAbsent(grant, g -> new ArrayDeque<>()).addLast(p);
        nextCheckMs.putIfAbsent(grant, nowMs + checkInterval.toMillis());
        size++;
    }

    /**
     * Checks the parked grants whose check is due with {@code isValid} and returns, in arrival order, the actions
     * of those found valid again (they are no longer parked).
     */
    public List<PendingAction> releaseValid(long nowMs, Predicate<String> isValid) {
        List<PendingAction> out = new ArrayList<>();
        for (String grant : List.copyOf(parked.keySet())) {
            Long due = nextCheckMs.get(grant);
            if (due == null || due > nowMs) {
                continue;
            }
            if (isValid.test(grant)) {
                out.addAll(release(grant));
            } else {
                nextCheckMs.put(grant, nowMs + checkInterval.toMillis());
            }
        }
        return out;
    }

    /** Actions that waited longer than the maximum age, and the oldest beyond the size bound: to the DLQ. */
    public List<PendingAction> expired(long nowMs) {
        List<PendingAction> out = new ArrayList<>();
        long oldestAllowed = nowMs - maxAge.toMillis();
        for (Iterator<Map.Entry<String, Deque<PendingAction>>> it = parked.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Deque<PendingAction>> e = it.next();
            e.getValue().removeIf(p -> {
                if (p.firstSeenMs() < oldestAllowed) {
                    out.add(p);
                    return true;
                }
                return false;
            });
            if (e.getValue().isEmpty()) {
                nextCheckMs.remove(e.getKey());
                it.remove();
            }
        }
        size -= out.size();
        while (size > maxActions) {
            out.add(removeOldest());
        }
        return out;
    }

    private PendingAction removeOldest() {
        String grant = null;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<String, Deque<PendingAction>> e : parked.entrySet()) {
            long first = e.getValue().peekFirst().firstSeenMs();
            if (first < oldest) {
                oldest = first;
                grant = e.getKey();
            }
        }
        Deque<PendingAction> q = parked.get(grant);
        PendingAction p = q.removeFirst();
        if (q.isEmpty()) {
            parked.remove(grant);
            nextCheckMs.remove(grant);
        }
        size--;
        return p;
    }

    private List<PendingAction> release(String grant) {
        Deque<PendingAction> q = parked.remove(grant);
        nextCheckMs.remove(grant);
        size -= q.size();
        return new ArrayList<>(q);
    }

    /** When the next grant check is due, or {@link Long#MAX_VALUE} when nothing is parked. */
    public long nextCheckMs() {
        return nextCheckMs.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
    }

    public Stream<PendingAction> held() {
        return parked.values().stream().flatMap(Collection::stream);
    }

    /** Forgets the actions of partitions this task no longer owns (uncommitted, so the new owner gets them). */
    public void drop(Collection<TopicPartition> partitions) {
        for (Iterator<Map.Entry<String, Deque<PendingAction>>> it = parked.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Deque<PendingAction>> e = it.next();
            int before = e.getValue().size();
            e.getValue().removeIf(p -> partitions.contains(p.partition()));
            size -= before - e.getValue().size();
            if (e.getValue().isEmpty()) {
                nextCheckMs.remove(e.getKey());
                it.remove();
            }
        }
    }

    public Set<String> grants() {
        return Set.copyOf(parked.keySet());
    }

    public int size() {
        return size;
    }
}
