/**
 * The Salesforce sink connector: its configuration (the connector config composed of fragments: WritesConfig,
 * BatchingConfig, ConflictsConfig, LookupCacheConfig), validation (SalesforceSinkConfigValidator), metrics, API
 * budget, the task (Connect glue) and its batching loop ({@code BatchCycle}: files records into the accumulate
 * package, judges finished batches, pauses partitions when the buffer is full); batch work lives in pipeline,
 * mapping, record and write. Depends on common (config, HTTP, metrics, the Salesforce client, the connector base
 * class), Kafka's config and Connect's sink API, and its own sub-packages; nothing in the Nylas sink.
 */
package io.nylassf.connect.sink.salesforce;
