/**
 * Pure mapping of a changed Salesforce row to a Connect record. Depends on common's schemas and time helpers,
 * Connect's source record and the offset package.
 */
package io.nylassf.connect.source.salesforce.mapping;
