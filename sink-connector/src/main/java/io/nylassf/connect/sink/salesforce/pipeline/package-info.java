/**
 * One batch, one way: decode, de-duplicate, org lookups (an immutable snapshot from batched queries and the task's
 * lookup cache), pure planners, the write executor, and a returned BatchResult. Called from several threads at
 * once; keeps no per-batch state in fields.
 */
package io.nylassf.connect.sink.salesforce.pipeline;
