package io.nylassf.connect.sink.nylas.exec;

import io.nylassf.connect.common.exec.IdleRetiringPool;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work on a bounded pool, at most {@code parallelism} at once, while work submitted under the same key runs
 * one after the other in submission order (one Salesforce record's actions never overtake each other; different
 * records run in parallel).
 */
public final class KeyedExecutor implements AutoCloseable {
    private final ExecutorService pool;
    private final Map<String, CompletableFuture<?>> tails = new HashMap<>();

    public KeyedExecutor(int parallelism, String name) {
        this.pool = IdleRetiringPool.create(parallelism, name);
    }

    public <T> CompletableFuture<T> submit(String key, Supplier<T> work) {
        return chain(key, pool -> CompletableFuture.supplyAsync(work, pool));
    }

    /**
     * Calls {@code start} with the pool once the key's earlier work has ended; the key's next work waits for the
     * future it returns. {@code start} must not block (it may hand work to the pool, or to a {@link GrantLanes}).
     */
    public synchronized <T> CompletableFuture<T> chain(String key, Function<Executor, CompletableFuture<T>> start) {
        CompletableFuture<?> previous = tails.get(key);
        CompletableFuture<T> next = previous == null
                ? start.apply(pool)
                : previous.handle((r, e) -> null).thenCompose(x -> start.apply(pool));
        tails.put(key, next);
        next.whenComplete((r, e) -> {
            synchronized (this) {
                tails.remove(key, next);
            }
        });
        return next;
    }

    public synchronized int pendingKeys() {
        return tails.size();
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /**
     * Takes no new work (later work of a key is refused, its future fails), lets what runs end for at most
     * {@code grace}, then interrupts the rest.
     */
    public void close(Duration grace) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
