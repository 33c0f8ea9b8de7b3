package io.nylassf.connect.source.nylas;

import io.nylassf.connect.source.nylas.webhook.WebhookServer;

/**
 * The webhook endpoint as configured ({@link WebhookConfig}): whether and where one task hosts it, the secret it
 * verifies notifications with, the server's bounds and the intake's.
 *
 * @param publicUrl the URL Nylas delivers to, or null when not set
 * @param secret the webhook secret's value, or null while unset (the endpoint then rejects every notification)
 */
public record WebhookSettings(boolean enabled, int task, String bindAddress, int port, String path, String publicUrl,
                              String secret,
                              WebhookServer.Limits limits, int dedupSize, int intakeMaxRecords, long intakeMaxBytes) {
}
