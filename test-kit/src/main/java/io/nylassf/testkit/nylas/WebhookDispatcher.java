package io.nylassf.testkit.nylas;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns changes into CloudEvents notifications and delivers them on a small background pool, never on the API
 * request thread. Each (change, destination) pair is one notification with its own id; retries reuse that id and
 * bump {@code webhook_delivery_attempt}, and every attempt is re-serialised and re-signed. Retries happen only on
 * the statuses Nylas documents (408, 429, 502, 503, 504, 507) and on timeouts or connection failures, up to
 * {@code retryDelays.size() + 1} attempts. Nylas spaces its 3 attempts over 10–20 minutes; the defaults here are
 * short so tests run fast.
 */
final class WebhookDispatcher implements AutoCloseable {
    private static final Set<Integer> RETRYABLE = Set.of(408, 429, 502, 503, 504, 507);

    /** One notification for one destination; the object is already truncated if it had to be. */
    private record Notification(String id, String type, String source, long time, ObjectNode object, String webhookId) {
    }

    private final WebhookRegistry registry;
    private final Clock clock;
    private final HttpClient http;
    private final String applicationId;
    private final List<Duration> retryDelays;
    private final Duration deliveryTimeout;
    private final int truncationThreshold;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicBoolean paused = new AtomicBoolean();
    /** Notifications still to be lost on Nylas' side (never sent, never retried), for backstop tests. */
    private final AtomicInteger toLose = new AtomicInteger();
    private final List<String> lost = new CopyOnWriteArrayList<>();
    private final Queue<Runnable> heldWhilePaused = new ConcurrentLinkedQueue<>();
    private final List<WebhookDelivery> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Map<String, Notification> recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Notification> eldest) {
            return size() > 20_000;
        }
    });

    WebhookDispatcher(WebhookRegistry registry, Clock clock, HttpClient http, String applicationId,
                      List<Duration> retryDelays, Duration deliveryTimeout, int truncationThreshold) {
        this.registry = registry;
        this.clock = clock;
        this.http = http;
        this.applicationId = applicationId;
        this.retryDelays = List.copyOf(retryDelays);
        this.deliveryTimeout = deliveryTimeout;
        this.truncationThreshold = truncationThreshold;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(4, r -> {
            Thread t = new Thread(r, "nylas-webhooks-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.executor.setRemoveOnCancelPolicy(true);
    }

    /** Notifies every active destination subscribed to {@code type}; returns the notification ids. */
    List<String> publish(String type, String provider, ObjectNode object) {
        List<String> ids = new ArrayList<>();
        ObjectNode snapshot = object.deepCopy();
        if (type.startsWith("message.")) {
            snapshot.remove("headers"); // only a read with fields=include_headers returns them
        }
        String source = source(type, provider);
        String finalType = type;
        ObjectNode finalObject = snapshot;
        if ((type.equals("message.created") || type.equals("message.updated")) && snapshot.has("body")
                && NylasJson.bytes(envelope(new Notification("x", type, source, 0, snapshot, null), 1)).length
                > truncationThreshold) {
            finalObject = snapshot.deepCopy();
            finalObject.remove("body");
            finalType = type + ".truncated";
        }
        long time = clock.millis() / 1000;
        for (Webhook w : registry.all()) {
            if (!w.delivering() || !w.wants(finalType)) {
                continue;
            }
            Notification n = new Notification(NylasJson.newId(), finalType, source, time, finalObject, w.id);
            if (toLose.getAndUpdate(k -> Math.max(0, k - 1)) > 0) {
                lost.add(n.id());
                continue;
            }
            recent.put(n.id(), n);
            ids.add(n.id());
            outstanding.incrementAndGet();
            schedule(n, 1, Duration.ZERO);
        }
        return ids;
    }

    /** Sends a notification again (same id, attempt 1), as Nylas' at-least-once delivery may. */
    boolean redeliver(String notificationId) {
        Notification n = recent.get(notificationId);
        if (n == null) {
            return false;
        }
        outstanding.incrementAndGet();
        schedule(n, 1, Duration.ZERO);
        return true;
    }

    void pause() {
        paused.set(true);
    }

    /** The next {@code n} notifications are lost: never delivered (as when Nylas' own pipeline drops one). */
    void loseNext(int n) {
        toLose.addAndGet(n);
    }

    /** Ids of the notifications lost so far. */
    List<String> lost() {
        return List.copyOf(lost);
    }

    void resume() {
        paused.set(false);
        Runnable r;
        while ((r = heldWhilePaused.poll()) != null) {
            executor.execute(r);
        }
    }

    boolean paused() {
        return paused.get();
    }

    List<WebhookDelivery> deliveries() {
        return List.copyOf(log);
    }

    /** Waits until no notification is waiting for a delivery or retry (held ones count while paused). */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outstanding.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void schedule(Notification n, int attempt, Duration delay) {
        Runnable task = () -> attempt(n, attempt);
        Runnable gated = () -> {
            if (paused.get()) {
                heldWhilePaused.add(task);
                if (!paused.get()) {
                    resume(); // lost a race with resume(): flush what we just queued
                }
            } else {
                task.run();
            }
        };
        if (delay.isZero()) {
            executor.execute(gated);
        } else {
            executor.schedule(gated, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void attempt(Notification n, int attempt) {
        Webhook w = registry.get(n.webhookId());
        if (w == null || !w.delivering()) {
            outstanding.decrementAndGet();
            return;
        }
        byte[] body = NylasJson.bytes(envelope(n, attempt));
        int status = -1;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(w.url))
                    .timeout(deliveryTimeout)
                    .header("Content-Type", "application/json")
                    .header("X-Nylas-Signature", WebhookSigner.sign(w.secret, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        log.add(new WebhookDelivery(w.id, w.url, n.id(), n.type(), attempt, status, error, Instant.now(clock)));
        w.delivered(status >= 200 && status < 300, clock.millis());
        boolean retry = (status == -1 || RETRYABLE.contains(status)) && attempt <= retryDelays.size()
                && !executor.isShutdown();
        if (retry) {
            schedule(n, attempt + 1, retryDelays.get(attempt - 1));
        } else {
            outstanding.decrementAndGet();
        }
    }

    private ObjectNode envelope(Notification n, int attempt) {
        ObjectNode e = NylasJson.object();
        e.put("specversion", "1.0");
        e.put("type", n.type());
        e.put("source", n.source());
        e.put("id", n.id());
        e.put("time", n.time());
        e.put("webhook_delivery_attempt", attempt);
        ObjectNode data = e.putObject("data");
        data.put("application_id", applicationId);
        data.set("object", n.object());
        return e;
    }

    private static String source(String type, String provider) {
        String p = provider == null ? "nylas" : provider;
        if (type.startsWith("message.") || type.startsWith("thread.")) {
            return "/" + p + "/emails/realtime";
        }
        if (type.startsWith("event.") || type.startsWith("calendar.")) {
            return "/" + p + "/calendar/realtime";
        }
        if (type.startsWith("contact.")) {
            return "/" + p + "/contacts/realtime";
        }
        return "/nylas/system";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
