package io.nylassf.connect.source.nylas.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nylassf.connect.common.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook endpoint, on the JDK's built-in HTTP server (no servlet stack):
 * <ul>
 *   <li>{@code GET <path>?challenge=x} → 200 with exactly {@code x} (Nylas' handshake);</li>
 *   <li>{@code GET <path>/health} → 200 while this worker hosts the endpoint (for load balancers);</li>
 *   <li>{@code POST <path>}: 413 when over the size limit, 401 without a valid {@code X-Nylas-Signature}, 400 when
 *   malformed, else 200 once Kafka acknowledged the records, or 503 (Nylas retries) when that does not happen
 *   within the ack timeout or the object could not be fetched.</li>
 * </ul>
 * If the port is still held (the task just moved here from a task that is stopping), binding is retried in the
 * background until it succeeds or the server is stopped. Log lines name the notification id and type, never the
 * secret, the signature or a body.
 */
public final class WebhookServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
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
    private final WebhookVerifier verifier;
    private final WebhookIntake intake;
    private final int maxBodyBytes;
    private final Duration ackTimeout;
    private final Limits limits;
    private final Semaphore slots;
    private final RejectionLog rejections = new RejectionLog(Clock.systemUTC(), Duration.ofMinutes(1));
    private final AtomicInteger bindAttempts = new AtomicInteger();
    private volatile String failure;
    private final Listener listener;
    private final ReadDeadline deadline;
    private final ScheduledExecutorService binder;
    private volatile HttpServer server;
    private volatile ExecutorService handlers;
    private volatile boolean stopped;

    public WebhookServer(String bindAddress, int port, String path, WebhookVerifier verifier, WebhookIntake intake,
                         Limits limits, Listener listener) {
        this.limits = limits;
        this.slots = new Semaphore(limits.maxConcurrent());
        this.deadline = new ReadDeadline(limits.readTimeout());
        int maxBodyBytes = limits.maxBodyBytes();
        Duration ackTimeout = limits.ackTimeout();
        this.bindAddress = bindAddress;
        this.port = port;
        this.path = path;
        this.verifier = verifier;
        this.intake = intake;
        this.maxBodyBytes = maxBodyBytes;
        this.ackTimeout = ackTimeout;
        this.listener = listener;
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
                listener.rejected(503);
                rejections.record(503, "every handler thread busy (connection closed)");
                throw new RejectedExecutionException("webhook handler threads busy");
            });
            pool.allowCoreThreadTimeOut(true);
            s.setExecutor(deadline.guard(pool));
            s.createContext(path, this::handle);
            s.start();
            handlers = pool;
            server = s;
            log.info("Nylas webhook endpoint listening on {}:{}{}{}", bindAddress, s.getAddress().getPort(), path,
                    verifier.configured() ? "" : " (no webhook.secret yet: only the challenge is answered)");
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

    private void handle(HttpExchange ex) throws IOException {
        long started = System.nanoTime();
        try (ex) {
            URI uri = ex.getRequestURI();
            String method = ex.getRequestMethod();
            String rest = uri.getPath().substring(Math.min(uri.getPath().length(), path.length()));
            if ("GET".equals(method) && "/health".equals(rest)) {
                respond(ex, 200, "ok");
            } else if (!rest.isEmpty() && !"/".equals(rest)) {
                respond(ex, 404, "not found");
            } else if ("GET".equals(method)) {
                String challenge = queryParam(uri.getRawQuery(), "challenge");
                if (challenge == null) {
                    respond(ex, 400, "missing challenge");
                } else {
                    log.info("Answered a Nylas webhook challenge");
                    respond(ex, 200, challenge);
                }
            } else if ("POST".equals(method)) {
                if (!slots.tryAcquire()) {
                    // saturated (slow or stalled clients hold every slot): Nylas retries a 503
                    listener.rejected(503);
                    rejections.record(503, "endpoint saturated");
                    respond(ex, 503, "retry later");
                    return;
                }
                try {
                    notification(ex, started);
                } finally {
                    slots.release();
                }
            } else {
                ex.getResponseHeaders().add("Allow", "GET, POST");
                respond(ex, 405, "method not allowed");
            }
        }
    }

    private void notification(HttpExchange ex, long started) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBodyBytes) {
                    drain(ex.getRequestBody());
                    reject(ex, 413, "Content-Length exceeds webhook.max.body.bytes");
                    return;
                }
            } catch (NumberFormatException e) {
                reject(ex, 400, "unreadable Content-Length");
                return;
            }
        }
        byte[] body;
        try {
            body = readAtMost(ex.getRequestBody(), maxBodyBytes);
        } catch (IOException e) {
            // the read deadline closed the connection (or the client went away): nothing to answer
            listener.rejected(408);
            rejections.record(408, "request not received within webhook.read.timeout.ms");
            return;
        }
        ReadDeadline.disarm();
        if (body == null) {
            drain(ex.getRequestBody());
            reject(ex, 413, "body exceeds webhook.max.body.bytes");
            return;
        }
        String signature = ex.getRequestHeaders().getFirst("X-Nylas-Signature");
        if (signature == null) {
            reject(ex, 401, "unsigned notification (no X-Nylas-Signature)");
            return;
        }
        if (!verifier.verify(body, signature)) {
            reject(ex, 401, verifier.configured() ? "signature does not match" : "no webhook.secret configured");
            return;
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(body);
        } catch (IOException e) {
            reject(ex, 400, "body is not JSON");
            return;
        }
        if (n == null || !n.isObject()) {
            reject(ex, 400, "body is not a JSON object");
            return;
        }
        String id = n.path("id").asText("?");
        String type = n.path("type").asText("?");
        WebhookIntake.Accepted accepted;
        try {
            accepted = intake.accept(n, body.length);
        } catch (WebhookIntake.MalformedNotification e) {
            reject(ex, 400, "malformed notification (" + e.getMessage() + ")");
            return;
        } catch (WebhookIntake.IntakeFull e) {
            listener.rejected(503);
            rejections.record(503, "intake full");
            respond(ex, 503, "retry later");
            return;
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.BAD_REQUEST) {
                // e.g. an object id that may not become a URL path segment: retrying cannot help
                reject(ex, 400, "notification names an object that cannot be fetched");
                return;
            }
            log.info("Notification {} ({}): could not fetch the full object ({}); answering 503", id, type, e.kind());
            listener.rejected(503);
            respond(ex, 503, "retry later");
            return;
        }
        if (accepted.unlisted()) {
            listener.unlisted();
            log.debug("Notification {} ({}) is for a grant outside nylas.grant.ids: dropped", id, type);
            respond(ex, 200, "ok");
            return;
        }
        if (accepted.duplicate()) {
            listener.duplicate();
        }
        try {
            accepted.outcome().get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!accepted.duplicate()) {
                listener.accepted();
            }
            listener.latency(System.nanoTime() - started);
            respond(ex, 200, "ok");
        } catch (TimeoutException | ExecutionException e) {
            log.info("Notification {} ({}) not acknowledged by Kafka in time; answering 503 so Nylas retries", id,
                    type);
            listener.rejected(503);
            respond(ex, 503, "retry later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(ex, 503, "retry later");
        }
    }

    private void reject(HttpExchange ex, int status, String why) throws IOException {
        rejections.record(status, why);
        listener.rejected(status);
        respond(ex, status, status == 413 ? "payload too large" : status == 401 ? "unauthorized" : "bad request");
    }

    /**
     * Reads and discards what is left of a refused body (up to a bound), so that a client still sending it reads
     * our 413 instead of a reset connection.
     */
    private void drain(InputStream in) throws IOException {
        long budget = Math.min(64L * 1024 * 1024, 8L * maxBodyBytes);
        byte[] buffer = new byte[8192];
        int n;
        while (budget > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, budget))) > 0) {
            budget -= n;
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] data = in.readNBytes(max + 1);
        return data.length > max ? null : data;
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String queryParam(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public synchronized void close() {
        stopped = true;
        rejections.flush();
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
