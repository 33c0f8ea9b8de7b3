package io.nylassf.connect.sink.nylas.exec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * At most {@code perGrant} actions of one grant run at once; the others wait in the grant's lane without holding
 * a pool thread, so one busy (or rate-limited) grant never takes the pool from the others. An action's calls run
 * one after the other, so this also bounds each grant's calls in flight. Thread-safe.
 */
public final class GrantLanes {
    private static final class Lane {
        int running;
        final Deque<Runnable> waiting = new ArrayDeque<>();
    }

    private final int perGrant;
    private final Map<String, Lane> lanes = new HashMap<>();

    public GrantLanes(int perGrant) {
        if (perGrant < 1) {
            throw new IllegalArgumentException("perGrant must be at least 1");
        }
        this.perGrant = perGrant;
    }

    /** Runs {@code work} on {@code pool} once the grant has a free slot; returns at once. */
    public <T> CompletableFuture<T> submit(String grant, Executor pool, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            try {
                CompletableFuture.supplyAsync(work, pool).whenComplete((r, e) -> {
                    release(grant);
                    if (e != null) {
                        result.completeExceptionally(e);
                    } else {
                        result.complete(r);
                    }
                });
            } catch (RuntimeException rejected) { // the pool is shut down
                release(grant);
                result.completeExceptionally(rejected);
            }
        };
        boolean now;
        synchronized (this) {
            Lane lane = lanes.computeIfAbsent(grant, g -> new Lane());
            now = lane.running < perGrant;
            if (now) {
                lane.running++;
            } else {
                lane.waiting.addLast(start);
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    private void release(String grant) {
        Runnable next;
        synchronized (this) {
            Lane lane = lanes.get(grant);
            next = lane.waiting.pollFirst();
            if (next == null && --lane.running == 0) {
                lanes.remove(grant);
            }
        }
        if (next != null) {
            next.run(); // keeps the slot: running stays the same
        }
    }

    /** Actions of {@code grant} running now (at most {@code perGrant}). */
    public synchronized int running(String grant) {
        Lane lane = lanes.get(grant);
        return lane == null ? 0 : lane.running;
    }

    /** Actions waiting for a slot of their grant, over all grants. */
    public synchronized int waiting() {
        return lanes.values().stream().mapToInt(l -> l.waiting.size()).sum();
    }
}
