/**
 * Decoding sink records from the Nylas source (Structs or schemaless maps) into Nylas objects, with a clear reason
 * for anything malformed.
 */
package io.nylassf.connect.sink.salesforce.record;
