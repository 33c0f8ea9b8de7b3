/**
 * The Nylas source connector: grants spread over tasks, windowed reads and webhooks turned into records with
 * source offsets. Settings live in the connector config with the webhook group in {@link
 * io.nylassf.connect.source.nylas.WebhookConfig} and the connector's access check in NylasSourceConfigValidator.
 * The task is Connect glue; reading, mapping, offsets and the webhook endpoint live in sub-
 * packages.
 */
package io.nylassf.connect.source.nylas;
