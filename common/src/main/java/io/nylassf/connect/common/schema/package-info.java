/**
 * The named, versioned Connect schemas of the records the connectors produce and consume (Nylas objects and
 * Salesforce changes), usable with the JSON and Avro converters.
 */
package io.nylassf.connect.common.schema;
