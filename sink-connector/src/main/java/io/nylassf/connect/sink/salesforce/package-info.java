/**
 * The Salesforce sink connector: its configuration (the connector config composed of fragments: WritesConfig,
 * BatchingConfig, ConflictsConfig, LookupCacheConfig), validation (SalesforceSinkConfigValidator),
 * metrics, API budget, the task (Connect glue) and its batching loop ({@code BatchCycle}: files records into the
 * accumulate package, judges finished batches, pauses partitions when the buffer is full). Batch work lives in
 * pipeline, mapping, record and write.
 */
package io.nylassf.connect.sink.salesforce;
