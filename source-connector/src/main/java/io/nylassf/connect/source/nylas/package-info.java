/**
 * The Nylas source connector: grants spread over tasks, windowed reads and webhooks turned into records with
 * source offsets; settings live in the connector config with the webhook group in {@link
 * io.nylassf.connect.source.nylas.WebhookConfig} and the connector's access check in NylasSourceConfigValidator.
 * The task is Connect glue over the read, mapping, offset and webhook sub-packages, and depends besides on common
 * (config, HTTP, metrics, the Nylas client, schemas, the connector base class) and on Kafka's config and Connect's
 * source API; nothing of the Salesforce source.
 */
package io.nylassf.connect.source.nylas;
