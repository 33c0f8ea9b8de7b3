/**
 * The named, versioned Connect schemas of the records the connectors produce and consume (Nylas objects and
 * Salesforce changes), usable with the JSON and Avro converters. Depends on Connect's data API alone; nothing else
 * in this project.
 */
package io.nylassf.connect.common.schema;
