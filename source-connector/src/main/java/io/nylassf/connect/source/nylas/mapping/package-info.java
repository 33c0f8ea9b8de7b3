/**
 * Pure mapping from Nylas API objects to Connect records: topics, keys, schemas and the body policy.
 */
package io.nylassf.connect.source.nylas.mapping;
