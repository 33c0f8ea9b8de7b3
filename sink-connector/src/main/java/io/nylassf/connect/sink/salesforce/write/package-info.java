/**
 * Executing writes economically: sObject Collections five to a Composite call, Bulk API 2.0 jobs for large groups,
 * batched SOQL lookups, and in-place retries of the items that failed transiently. Results are returned, aligned
 * with the operations. Depends on common's Salesforce client and HTTP errors alone: no Connect API and nothing else
 * in the sink.
 */
package io.nylassf.connect.sink.salesforce.write;
