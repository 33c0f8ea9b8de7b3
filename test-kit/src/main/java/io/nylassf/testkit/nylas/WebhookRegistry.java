package io.nylassf.testkit.nylas;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Webhook destinations, and the challenge handshake a destination must pass before it is registered. */
final class WebhookRegistry {
    static final Set<String> TRIGGERS = Set.of(
            "message.created", "message.updated", "message.deleted", "message.send_success", "message.send_failed",
            "message.bounce_detected", "message.opened", "message.link_clicked", "thread.replied",
            "event.created", "event.updated", "event.deleted",
            "calendar.created", "calendar.updated", "calendar.deleted",
            "contact.updated", "contact.deleted",
            "grant.created", "grant.updated", "grant.deleted", "grant.expired",
            "folder.created", "folder.updated", "folder.deleted");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
    private final Clock clock;
    private final HttpClient http;
    private final Duration challengeTimeout;
    private final Duration failingWindow;
    private final Duration failedAfter;

    WebhookRegistry(Clock clock, HttpClient http, Duration challengeTimeout, Duration failingWindow,
                    Duration failedAfter) {
        this.clock = clock;
        this.http = http;
        this.challengeTimeout = challengeTimeout;
        this.failingWindow = failingWindow;
        this.failedAfter = failedAfter;
    }

    /** Every destination, oldest first, each with its status as of now. */
    Collection<Webhook> all() {
        List<Webhook> out = new ArrayList<>(webhooks.values());
        out.sort((a, b) -> Long.compare(a.createdAt, b.createdAt));
        out.forEach(w -> w.judge(clock.millis()));
        return out;
    }

    Webhook get(String id) {
        Webhook w = webhooks.get(id);
        if (w != null) {
            w.judge(clock.millis());
        }
        return w;
    }

    Webhook create(String url, List<String> triggers, String description, List<String> emails) {
        long now = now();
        Webhook w = new Webhook(NylasJson.newId(), now, new EndpointHealth(failingWindow, failedAfter));
        w.url = url;
        w.triggers = List.copyOf(triggers);
        w.description = description;
        w.notificationEmails = List.copyOf(emails);
        w.secret = newSecret();
        webhooks.put(w.id, w);
        return w;
    }

    Webhook remove(String id) {
        return webhooks.remove(id);
    }

    void rotate(Webhook w) {
        synchronized (w) {
            w.secret = newSecret();
            w.updatedAt = now();
        }
    }

    long now() {
        return clock.millis() / 1000;
    }

    long nowMs() {
        return clock.millis();
    }

    /**
     * {@code GET <url>?challenge=<random>}: the destination must answer 200 with exactly the challenge as the body
     * within the timeout. Returns null when it passed, else why not.
     */
    String challenge(String url) {
        String challenge = newSecret().substring(0, 32);
        try {
            URI uri = URI.create(url + (url.contains("?") ? "&" : "?") + "challenge="
                    + URLEncoder.encode(challenge, StandardCharsets.UTF_8));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(challengeTimeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return "challenge answered with HTTP " + r.statusCode();
            }
            if (!challenge.equals(r.body())) {
                return "challenge answered with the wrong body";
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return "challenge request failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
