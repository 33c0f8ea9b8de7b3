package io.nylassf.connect.source.nylas;

import io.nylassf.connect.source.nylas.webhook.MissDetector;
import io.nylassf.connect.source.nylas.webhook.WebhookHealth;
import org.apache.kafka.connect.source.SourceRecord;

import java.util.List;

/**
 * The task's miss counting: records made from notifications are announced to a {@link MissDetector}, window records
 * are checked against it, and each miss is counted in the metrics and keeps the backstop short for a while
 * ({@link WebhookHealth#missed()}). Only the task hosting the webhook endpoint sees notifications; any other task
 * counts nothing.
 */
final class MissCounter {
    /**
     * A change older than this (or than half the backstop interval, if shorter) when a window finds it should
     * have been announced by a notification.
     */
    private static final long GRACE_MS = 120_000;
    private static final int MEMORY = 100_000;

    /** Null when this task does not host the endpoint. */
    private final MissDetector detector;
    private final NylasSourceMetrics metrics;
    private final WebhookHealth health;

    MissCounter(boolean hostsWebhook, long startedMs, long backstopIntervalMs, NylasSourceMetrics metrics,
                WebhookHealth health) {
        this.detector = hostsWebhook
                ? new MissDetector(startedMs, Math.min(GRACE_MS, backstopIntervalMs / 2), MEMORY) : null;
        this.metrics = metrics;
        this.health = health;
    }

    /** Records made from notifications: their objects were announced. Returns the same list. */
    List<SourceRecord> announced(List<SourceRecord> fromNotifications) {
        if (detector != null) {
            fromNotifications.forEach(detector::announced);
        }
        return fromNotifications;
    }

    /** Window records no notification announced: webhooks missed them, so the backstop stays short for a while. */
    void windowRead(List<SourceRecord> read, long now) {
        if (detector == null) {
            return;
        }
        read.forEach(detector::found);
        int missed = detector.misses(now);
        if (missed > 0) {
            metrics.missed(missed);
            health.missed();
        }
    }
}
