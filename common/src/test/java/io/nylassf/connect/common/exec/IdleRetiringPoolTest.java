package io.nylassf.connect.common.exec;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdleRetiringPoolTest {

    @Test
    void workOneAtATimeNeedsOneThreadHoweverLargeTheCap() throws Exception {
        ThreadPoolExecutor pool = IdleRetiringPool.create(128, "steady");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        try {
            for (int i = 0; i < 300; i++) {
                pool.submit(() -> threads.add(Thread.currentThread().getName())).get();
                awaitIdle(pool);
            }
            // a fixed pool of 128 would have started 128 threads here
            assertEquals(1, threads.size(), "threads used: " + threads);
            assertEquals(1, pool.getLargestPoolSize());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void growsToTheWorkAtOnceAndRetiresWhatIsIdle() throws Exception {
        ThreadPoolExecutor pool = IdleRetiringPool.create(16, "burst", Duration.ofMillis(200));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(10);
        try {
            for (int i = 0; i < 10; i++) {
                pool.execute(() -> {
                    started.countDown();
                    block(release);
                });
            }
            // ten blocked tasks run at once: none waits in the queue for another to end
            assertTrue(started.await(5, TimeUnit.SECONDS), "all ten started together");
            assertEquals(10, pool.getPoolSize());
            release.countDown();
            await("idle threads end").atMost(Duration.ofSeconds(5)).until(() -> pool.getPoolSize() == 0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void workSubmittedWhileANewThreadIsStillStartingDoesNotQueueBehindIt() throws Exception {
        // the second task arrives before the thread started for the first has picked it up; it must get a thread
        // of its own, not wait behind a first task that may run for long (a Retry-After wait, a slow call)
        for (int round = 0; round < 50; round++) {
            ThreadPoolExecutor pool = IdleRetiringPool.create(4, "back-to-back");
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(2);
            try {
                for (int i = 0; i < 2; i++) {
                    pool.execute(() -> {
                        started.countDown();
                        block(release);
                    });
                }
                assertTrue(started.await(5, TimeUnit.SECONDS), "both blocking tasks running, round " + round);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void workBeyondTheCapQueuesAndAllOfItRuns() throws Exception {
        ThreadPoolExecutor pool = IdleRetiringPool.create(4, "capped");
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        try {
            for (int i = 0; i < 200; i++) {
                pool.execute(() -> {
                    peak.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    sleep(2);
                    concurrent.decrementAndGet();
                    ran.incrementAndGet();
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(200, ran.get());
            assertEquals(4, peak.get(), "the cap holds and is reached");
            assertTrue(pool.getLargestPoolSize() <= 4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCapBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> IdleRetiringPool.create(0, "none"));
    }

    private static void awaitIdle(ThreadPoolExecutor pool) {
        await("the thread waits for work again").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1))
                .until(() -> pool.getActiveCount() == 0);
    }

    private static void block(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
