/**
 * The Salesforce sink connector: its configuration (the connector config composed of fragments: WritesConfig,
 * BatchingConfig, ConflictsConfig, ApiBudgetConfig, LookupCacheConfig), validation (SalesforceSinkConfigValidator),
 * metrics, API budget and the task, which files records into the accumulate package and judges finished batches.
 * Batch work lives in pipeline, mapping, record and write.
 */
package io.nylassf.connect.sink.salesforce;
