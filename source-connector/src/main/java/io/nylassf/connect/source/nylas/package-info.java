/**
 * The Nylas source connector: grants spread over tasks, windowed reads and webhooks turned into records with
 * source offsets. The task is Connect glue; reading, mapping, offsets and the webhook endpoint live in sub-
 * packages.
 */
package io.nylassf.connect.source.nylas;
