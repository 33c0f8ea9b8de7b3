/**
 * Pure mapping from Nylas API objects to Connect records: topics, keys, schemas and the body policy. Depends on
 * common's Nylas model and schemas, Jackson, Connect's data and source record API, and the offset package.
 */
package io.nylassf.connect.source.nylas.mapping;
