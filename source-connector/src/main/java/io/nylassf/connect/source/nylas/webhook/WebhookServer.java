package io.nylassf.connect.source.nylas.webhook;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook endpoint's lifecycle, on the JDK's built-in HTTP server (no servlet stack): binding (retried while
 * the port is busy), the handler pool and its bounds, the read deadline, and stopping. What a request gets is
 * {@link WebhookRequestHandler}'s; which records a notification becomes is {@link NotificationRouter}'s; records wait
 * for Kafka in {@link WebhookIntake}. If the port is still held (the task just moved here from a task that is stopping), binding is retried in the
 * background until it succeeds or the server is stopped. Log lines name the notification id and type, never the
 * secret, the signature or a body.
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    /** Handler threads beyond {@link Limits#maxConcurrent}: they answer 503 while every slot is taken. */
    private static final int SPARE_THREADS = 8;

    /** Counters for metrics. */
    public interface Listener {
        void accepted();

        void duplicate();

        void rejected(int status);

        void latency(long nanos);

        /** A notification for a grant the connector does not sync: acknowledged and dropped. */
        default void unlisted() {
        }
    }

    /**
     * The endpoint's bounds.
     *
     * @param maxConcurrent requests handled at once; more answer 503 at once (Nylas retries) rather than queue, and
     *                      with every thread taken (e.g. by clients stalled in their headers) a new connection is
     *                      closed at once
     * @param bindAttempts  attempts, one a second, to bind a busy port before the task fails
     * @param readTimeout   how long a client may take to send a request (line, headers and body)
     */
    public record Limits(int maxBodyBytes, Duration ackTimeout, int maxConcurrent, int bindAttempts,
                         Duration readTimeout) {
    }

    private final String bindAddress;
    private final int port;
    private final String path;
    private final Limits limits;
    private final WebhookRequestHandler handler;
    private final AtomicInteger bindAttempts = new AtomicInteger();
    private volatile String failure;
    private final ReadDeadline deadline;
    private final ScheduledExecutorService binder;
    private volatile HttpServer server;
    private volatile ExecutorService handlers;
    private volatile boolean stopped;

    public WebhookServer(String bindAddress, int port, String path, WebhookVerifier verifier, WebhookIntake intake,
                         Limits limits, Listener listener) {
        this.limits = limits;
        this.deadline = new ReadDeadline(limits.readTimeout());
        this.bindAddress = bindAddress;
        this.port = port;
        this.path = path;
        this.handler = new WebhookRequestHandler(path, verifier, intake, limits, listener);
        this.binder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nylas-webhook-bind");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Binds now if it can, otherwise keeps trying every second in the background, at most
     * {@link Limits#bindAttempts} times in all; then {@link #failure()} says why, and the task fails on it.
     */
    public WebhookServer start() {
        if (!tryBind()) {
            binder.scheduleWithFixedDelay(() -> {
                if (server == null && !stopped && tryBind()) {
                    binder.shutdown();
                }
            }, 1, 1, TimeUnit.SECONDS);
        }
        return this;
    }

    /** Why the endpoint could not be opened after every attempt, or null. */
    public String failure() {
        return failure;
    }

    public boolean bound() {
        return server != null;
    }

    /** The bound port (useful with port 0), or -1 while not bound. */
    public int port() {
        HttpServer s = server;
        return s == null ? -1 : s.getAddress().getPort();
    }

    private synchronized boolean tryBind() {
        if (stopped || server != null) {
            return server != null;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
            AtomicInteger n = new AtomicInteger();
            // More threads than slots: a thread beyond the slots answers 503 at once. No queue: the JDK server hands
            // over a connection as soon as its first byte arrives and reads the request line and headers on our
            // thread, so clients stalled there hold threads until the read deadline; a queue behind them would make
            // a valid notification wait for rounds of deadlines. With every thread taken, the connection is closed
            // at once instead (the JDK server closes it when the executor rejects it), which Nylas retries as it
            // does a 503.
            ThreadPoolExecutor pool = new ThreadPoolExecutor(limits.maxConcurrent() + SPARE_THREADS,
                    limits.maxConcurrent() + SPARE_THREADS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "nylas-webhook-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }, (exchange, executor) -> {
                handler.refusedBusy();
                throw new RejectedExecutionException("webhook handler threads busy");
            });
            pool.allowCoreThreadTimeOut(true);
            s.setExecutor(deadline.guard(pool));
            s.createContext(path, handler);
            s.start();
            handlers = pool;
            server = s;
            log.info("Nylas webhook endpoint listening on {}:{}{}{}", bindAddress, s.getAddress().getPort(), path,
                    handler.verifying() ? "" : " (no webhook.secret yet: only the challenge is answered)");
            return true;
        } catch (IOException e) {
            int attempt = bindAttempts.incrementAndGet();
            if (attempt >= limits.bindAttempts()) {
                failure = "cannot open the webhook endpoint on " + bindAddress + ":" + port + " after " + attempt
                        + " attempt(s) (webhook.port): " + e;
                binder.shutdown();
                return true; // stop trying; the task reports the failure
            }
            if (e instanceof BindException) {
                log.info("Webhook port {} is busy (the previous host may still be stopping); retrying", port);
            } else {
                log.warn("Cannot open the webhook endpoint on port {}: {}; retrying", port, e.toString());
            }
            return false;
        }
    }

    @Override
    public synchronized void close() {
        stopped = true;
        handler.close();
        binder.shutdownNow();
        deadline.close();
        HttpServer s = server;
        server = null;
        if (s != null) {
            s.stop(0);
            log.info("Nylas webhook endpoint closed");
        }
        ExecutorService h = handlers;
        if (h != null) {
            h.shutdownNow();
        }
    }
}
