/**
 * The webhook path, read in one direction: {@code WebhookServer} (the endpoint's lifecycle: binding, handler pool,
 * read deadline), {@code WebhookRequestHandler} (one request: size limits, signature verification with
 * {@code WebhookVerifier}, parsing, the HTTP answer), {@code NotificationRouter} (a notification's records, fetching
 * truncated objects) and {@code WebhookIntake} (the acknowledgement queue: records held within bounds until Kafka
 * stores them, de-duplicated by {@code NotificationDeduper}). Depends on common's Nylas client, HTTP errors and
 * schemas, the JDK HTTP server, Jackson, Connect's data and source record API, and the source's mapping and offset
 * packages; nothing of the windowed reads.
 */
package io.nylassf.connect.source.nylas.webhook;
