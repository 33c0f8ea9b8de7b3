package io.nylassf.connect.source.nylas.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.nylassf.connect.common.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What one request to the webhook endpoint gets:
 * <ul>
 *   <li>{@code GET <path>?challenge=x} → 200 with exactly {@code x} (Nylas' handshake);</li>
 *   <li>{@code GET <path>/health} → 200 while this worker hosts the endpoint (for load balancers);</li>
 *   <li>{@code POST <path>}: 413 when over the size limit, 401 without a valid {@code X-Nylas-Signature}, 400 when
 *   malformed, else 200 once Kafka acknowledged the records, or 503 (Nylas retries) when that does not happen
 *   within the ack timeout, the object could not be fetched, or every slot is taken.</li>
 * </ul>
 * Log lines name the notification id and type, never the secret, the signature or a body.
 */
final class WebhookRequestHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(WebhookRequestHandler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String path;
    private final WebhookVerifier verifier;
    private final WebhookIntake intake;
    private final int maxBodyBytes;
    private final Duration ackTimeout;
    private final Semaphore slots;
    private final WebhookServer.Listener listener;
    private final RejectionLog rejections = new RejectionLog(Clock.systemUTC(), Duration.ofMinutes(1));

    WebhookRequestHandler(String path, WebhookVerifier verifier, WebhookIntake intake, WebhookServer.Limits limits,
                          WebhookServer.Listener listener) {
        this.path = path;
        this.verifier = verifier;
        this.intake = intake;
        this.maxBodyBytes = limits.maxBodyBytes();
        this.ackTimeout = limits.ackTimeout();
        this.slots = new Semaphore(limits.maxConcurrent());
        this.listener = listener;
    }

    /** Whether notifications can be verified (a secret is configured); without one only the challenge works. */
    boolean verifying() {
        return verifier.configured();
    }

    /** A connection closed unanswered because every handler thread was busy. */
    void refusedBusy() {
        listener.rejected(503);
        rejections.record(503, "every handler thread busy (connection closed)");
    }

    /** Writes out the rejections counted since the last summary. */
    void close() {
        rejections.flush();
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
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

}
