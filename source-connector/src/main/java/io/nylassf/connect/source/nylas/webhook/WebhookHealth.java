package io.nylassf.connect.source.nylas.webhook;

import io.nylassf.connect.common.nylas.NylasApiException;
import io.nylassf.connect.common.nylas.NylasClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Whether webhooks can be trusted to announce changes, so windowed reads may stretch to the backstop interval.
 * Every task can tell, even the ones not hosting the endpoint: Nylas keeps each subscription's delivery status
 * ({@code GET /v3/webhooks}, checked every {@code checkIntervalMs}), and healthy means a subscription with a
 * message trigger is {@code active}. The hosting task adds what it sees itself: a change that a window found and
 * no notification announced (a miss) makes webhooks unhealthy for {@code recoveryMs}.
 */
public final class WebhookHealth {
    private static final Logger log = LoggerFactory.getLogger(WebhookHealth.class);

    private final boolean enabled;
    private final String publicUrl;
    private final NylasClient client;
    private final long checkIntervalMs;
    private final long recoveryMs;
    private final Clock clock;
    private volatile boolean subscriptionActive;
    private volatile long degradedUntil;
    private long nextCheck;

    /** @param publicUrl the URL Nylas delivers to ({@code webhook.public.url}); null: any subscription counts */
    public WebhookHealth(boolean enabled, String publicUrl, NylasClient client, long checkIntervalMs,
                         long recoveryMs, Clock clock) {
        this.enabled = enabled;
        this.publicUrl = publicUrl;
        this.client = client;
        this.checkIntervalMs = checkIntervalMs;
        this.recoveryMs = recoveryMs;
        this.clock = clock;
    }

    /** Healthy now: enabled, a subscription delivering, and no recent miss. */
    public boolean healthy() {
        return enabled && subscriptionActive && clock.millis() >= degradedUntil;
    }

    /** Re-reads the subscriptions' status when a check is due (task thread; one API call per interval). */
    public void refresh() {
        long now = clock.millis();
        if (!enabled || now < nextCheck) {
            return;
        }
        nextCheck = now + checkIntervalMs;
        boolean was = subscriptionActive;
        try {
            subscriptionActive = SubscriptionCheck.delivering(client.listWebhooks(), publicUrl);
        } catch (NylasApiException e) {
            subscriptionActive = false;
            log.warn("Cannot read the webhook subscriptions ({}); windows are read at the short interval", e.getMessage());
        }
        if (was != subscriptionActive) {
            log.info("Webhook subscription {}: windowed reads {}", subscriptionActive ? "active" : "not active",
                    subscriptionActive ? "stretch to the backstop interval" : "return to the short interval");
        }
    }

    /** A window found a change no notification announced: webhooks are not to be trusted for a while. */
    public void missed() {
        degradedUntil = clock.millis() + recoveryMs;
    }
}
