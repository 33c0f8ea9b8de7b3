package io.nylassf.connect.sink.nylas.exec;

import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The actions {@code put} handed to the keyed pool whose outcome the task has not taken yet. {@code put} never
 * waits for them: it submits, and on a later call {@link #harvest}s what ended. An action's offset stays held
 * ({@link #held}) until its outcome is harvested, because a finished action may still need a retry, parking or
 * a DLQ report. Memory is bounded: {@link #awaitRoom} blocks while {@code maxPending} actions are unfinished.
 * Every method but the pool's completion callback runs on the task thread.
 */
public final class InFlight {
    /** An action that ran once more, and how that run ended. */
    public record Ended(PendingAction action, Outcome outcome) {
    }

    private static final class Entry {
        final PendingAction action;
        /** Its partition was revoked: it does not start, and its outcome is forgotten. */
        volatile boolean dropped;

        Entry(PendingAction action) {
            this.action = action;
        }
    }

    private record Done(Entry entry, Outcome outcome) {
    }

    private static final Outcome NOT_STARTED = Outcome.retry("not started: partition revoked or task stopping",
            null, null);

    private final KeyedExecutor executor;
    private final GrantLanes lanes;
    private final NylasWriter writer;
    private final int maxPending;
    /** Submitted, not harvested, not dropped: what holds offsets. Task thread only. */
    private final Set<Entry> entries = new LinkedHashSet<>();
    private final BlockingQueue<Done> done = new LinkedBlockingQueue<>();
    private final AtomicInteger unfinished = new AtomicInteger();
    private final AtomicReference<Outcome> fatal = new AtomicReference<>();
    private volatile boolean stopping;

    public InFlight(KeyedExecutor executor, GrantLanes lanes, NylasWriter writer, int maxPending) {
        this.executor = executor;
        this.lanes = lanes;
        this.writer = writer;
        this.maxPending = maxPending;
    }

    /**
     * Queues one run of {@code p} behind earlier work of its record key, then behind its grant's running actions
     * ({@link GrantLanes}); returns at once. No pool thread waits for a key or a grant.
     */
    public void submit(PendingAction p) {
        Entry e = new Entry(p);
        entries.add(e);
        unfinished.incrementAndGet();
        executor.chain(p.action().change().recordKey(), pool -> CompletableFuture
                        .supplyAsync(() -> notStarted(e) ? NylasWriter.Route.ended(NOT_STARTED)
                                : writer.route(e.action.action()), pool)
                        .thenCompose(r -> r.early() != null ? CompletableFuture.completedFuture(r.early())
                                : lanes.submit(r.grant(), pool, () -> run(e, r.grant()))))
                .whenComplete((o, err) -> finished(e, o, err));
    }

    private boolean notStarted(Entry e) {
        return e.dropped || stopping;
    }

    private Outcome run(Entry e, String grant) {
        // never started: the partition's new owner (or the next start) gets the record again
        return notStarted(e) ? NOT_STARTED : writer.execute(e.action.action(), grant);
    }

    /** On the pool's thread: an exception that is not a Nylas API error is this action's failure, never the task's. */
    private void finished(Entry e, Outcome o, Throwable err) {
        if (err != null) {
            Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
            o = Outcome.failed("unexpected " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        }
        if (o.status() == Outcome.Status.FATAL) {
            fatal.compareAndSet(null, o);
        }
        unfinished.decrementAndGet();
        done.add(new Done(e, o));
    }

    /** The outcomes that arrived since the last call, in the order they ended (dropped partitions' left out). */
    public List<Ended> harvest() {
        List<Done> ds = new ArrayList<>();
        done.drainTo(ds);
        List<Ended> out = new ArrayList<>(ds.size());
        ds.forEach(d -> keep(d, out));
        return out;
    }

    private void keep(Done d, List<Ended> out) {
        if (entries.remove(d.entry())) {
            out.add(new Ended(d.entry().action.ranOnce(), d.outcome()));
        }
    }

    /**
     * Waits until fewer than {@code maxPending} actions are unfinished, adding the outcomes that end meanwhile to
     * {@code harvested}; false when {@code timeout} passed first.
     */
    public boolean awaitRoom(Duration timeout, List<Ended> harvested) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unfinished.get() >= maxPending) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Done d = done.poll(left, TimeUnit.NANOSECONDS);
            if (d != null) {
                keep(d, harvested);
            }
        }
        return true;
    }

    /** Unfinished actions at most ({@code nylas.max.pending.actions}). */
    public int maxPending() {
        return maxPending;
    }

    /** The first outcome that said the API key is refused, or null: the task must fail. */
    public Outcome fatal() {
        return fatal.get();
    }

    /** Running, queued, or ended but not harvested yet: their offsets are not committed. */
    public Stream<PendingAction> held() {
        return entries.stream().map(e -> e.action);
    }

    /** Actions waiting for a free slot of their grant. */
    public int waitingForGrant() {
        return lanes.waiting();
    }

    /** Submitted and not harvested yet (dropped ones excluded). */
    public int size() {
        return entries.size();
    }

    /**
     * Forgets the actions of revoked partitions: queued ones never start, a running one may finish but its
     * outcome is ignored and its offset no longer held.
     */
    public void drop(Collection<TopicPartition> partitions) {
        entries.removeIf(e -> {
            if (partitions.contains(e.action.partition())) {
                e.dropped = true;
                return true;
            }
            return false;
        });
    }

    /** Lets running calls end for at most {@code grace} (queued ones never start), then stops the pool. */
    public void close(Duration grace) {
        stopping = true;
        executor.close(grace);
    }
}
