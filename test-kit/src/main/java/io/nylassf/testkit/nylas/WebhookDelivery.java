package io.nylassf.testkit.nylas;

import java.time.Instant;

/**
 * One delivery attempt, for the log: {@code status} is the destination's HTTP status, or -1 when the attempt
 * failed without one (timeout, refused connection), with {@code error} saying why.
 */
public record WebhookDelivery(String webhookId, String url, String notificationId, String type, int attempt,
                              int status, String error, Instant at) {
}
