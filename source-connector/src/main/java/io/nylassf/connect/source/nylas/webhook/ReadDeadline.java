package io.nylassf.connect.source.nylas.webhook;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A per-request read deadline for the JDK HTTP server, which has none of its own except JVM-wide system properties
 * (unsuitable in a Connect worker that other plugins share). The server reads a request's line, headers and body
 * on the executor thread from a blocking {@code SocketChannel}, which is interruptible: interrupting the thread
 * closes the channel. So each exchange runs with a timer that interrupts its thread when the request has not been
 * read in time, and the handler disarms it once the body is in. A client that trickles or stalls is disconnected
 * after the deadline and its thread is free again.
 */
final class ReadDeadline implements AutoCloseable {
    private static final ThreadLocal<Armed> ARMED = new ThreadLocal<>();

    /** One exchange's deadline; once disarmed it can no longer interrupt its thread (which may serve another). */
    private static final class Armed {
        private final Thread thread;
        private ScheduledFuture<?> timer;
        private boolean live = true;

        Armed(Thread thread) {
            this.thread = thread;
        }

        synchronized void fire() {
            if (live) {
                thread.interrupt();
            }
        }

        synchronized void disarm() {
            live = false;
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private final long timeoutMs;
    private final ScheduledExecutorService timer;

    ReadDeadline(Duration timeout) {
        this.timeoutMs = timeout.toMillis();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nylas-webhook-read-deadline");
            t.setDaemon(true);
            return t;
        });
    }

    /** The executor for the server: each exchange starts with the deadline armed. */
    Executor guard(ExecutorService pool) {
        return exchange -> pool.execute(() -> {
            Armed armed = new Armed(Thread.currentThread());
            synchronized (armed) {
                armed.timer = timer.schedule(armed::fire, timeoutMs, TimeUnit.MILLISECONDS);
            }
            ARMED.set(armed);
            try {
                exchange.run();
            } finally {
                disarm();
            }
        });
    }

    /** The request is read: what follows (waiting for Kafka) is not subject to the read deadline. */
    static void disarm() {
        Armed armed = ARMED.get();
        if (armed != null) {
            armed.disarm();
            ARMED.remove();
        }
        // a deadline that fired just as the read finished must not hit what follows; after disarm() none can
        Thread.interrupted();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
