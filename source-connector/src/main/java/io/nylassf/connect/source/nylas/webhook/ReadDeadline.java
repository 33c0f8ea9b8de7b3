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
    private static final ThreadLocal<ScheduledFuture<?>> ARMED = new ThreadLocal<>();

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
            Thread self = Thread.currentThread();
            ARMED.set(timer.schedule(self::interrupt, timeoutMs, TimeUnit.MILLISECONDS));
            try {
                exchange.run();
            } finally {
                disarm();
            }
        });
    }

    /** The request is read: what follows (waiting for Kafka) is not subject to the read deadline. */
    static void disarm() {
        ScheduledFuture<?> armed = ARMED.get();
        if (armed != null) {
            armed.cancel(false);
            ARMED.remove();
        }
        Thread.interrupted(); // a deadline that fired just as the read finished must not hit what follows
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
