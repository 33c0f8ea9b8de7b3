/**
 * Pure mapping of a changed Salesforce row to a Connect record.
 */
package io.nylassf.connect.source.salesforce.mapping;
