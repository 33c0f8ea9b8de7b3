package io.nylassf.connect.common.exec;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of at most {@code max} daemon threads named {@code <name>-<n>} that starts a thread only when none is idle
 * and ends one after {@code idle} without work; work beyond {@code max} queues.
 *
 * <p>Why not {@code Executors.newFixedThreadPool(max)}: it starts a new thread for every task submitted while it is
 * below its size, even with others idle, and keeps them all for the pool's life. With a large cap (the Nylas sink's
 * in-flight limit) a worker's thread count then climbs for hours under a light, steady load. A plain
 * {@code ThreadPoolExecutor} with a queue never grows past its core size, and with core = max plus core time-out
 * it still starts a thread per submission. So the queue here refuses work while the pool can grow and no thread is
 * idle, which makes the executor start one (the approach Tomcat's task queue takes).
 */
public final class IdleRetiringPool {
    /** How long a thread may wait for work before it ends. */
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(30);

    private IdleRetiringPool() {
    }

    public static ThreadPoolExecutor create(int max, String name) {
        return create(max, name, DEFAULT_IDLE);
    }

    public static ThreadPoolExecutor create(int max, String name, Duration idle) {
        if (max < 1) {
            throw new IllegalArgumentException("a pool needs at least one thread: " + max);
        }
        AtomicInteger n = new AtomicInteger();
        GrowFirstQueue queue = new GrowFirstQueue();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, max, idle.toMillis(), TimeUnit.MILLISECONDS, queue, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (r, executor) -> {
            // the pool reached its cap between the queue's refusal and the start of a thread: queue after all
            if (executor.isShutdown()) {
                throw new RejectedExecutionException(name + " is shut down");
            }
            queue.force(r);
        });
        queue.pool = pool;
        return pool;
    }

    /** Takes work only when a thread is idle or the pool is at its cap. */
    private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
        private volatile ThreadPoolExecutor pool;

        @Override
        public boolean offer(Runnable r) {
            ThreadPoolExecutor p = pool;
            if (p != null && p.getPoolSize() < p.getMaximumPoolSize()
                    && p.getActiveCount() + size() >= p.getPoolSize()) {
                return false;
            }
            return super.offer(r);
        }

        void force(Runnable r) {
            super.offer(r);
        }
    }
}
