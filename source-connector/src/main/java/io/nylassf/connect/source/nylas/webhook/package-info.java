/**
 * The webhook path, read in one direction: {@code WebhookServer} (the endpoint's lifecycle: binding, handler pool,
 * read deadline), {@code WebhookRequestHandler} (one request: size limits, signature verification with
 * {@code WebhookVerifier}, parsing, the HTTP answer), {@code NotificationRouter} (a notification's records, fetching
 * truncated objects) and {@code WebhookIntake} (the acknowledgement queue: records held within bounds until Kafka
 * stores them, de-duplicated by {@code NotificationDeduper}). Depends on the common Nylas client and schemas and on
 * the source's record mapping.
 */
package io.nylassf.connect.source.nylas.webhook;
