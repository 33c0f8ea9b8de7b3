/**
 * One batch, one way: decode, de-duplicate, org lookups (an immutable snapshot from batched queries and the task's
 * lookup cache), pure planners, the write executor, and a returned BatchResult; called from several threads at once,
 * it keeps no per-batch state in fields. Depends on common's Salesforce client, HTTP errors and loop guard,
 * Connect's sink record, the shared sink.record decoding, and the Salesforce sink's config, metrics, mapping,
 * options, record and write packages; nothing in the Nylas sink.
 */
package io.nylassf.connect.sink.salesforce.pipeline;
