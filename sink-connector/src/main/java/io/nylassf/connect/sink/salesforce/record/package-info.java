/**
 * Decoding sink records from the Nylas source (Structs or schemaless maps) into typed Nylas records, with a clear
 * reason for anything malformed; reads values through the shared {@code sink.record} package.
 */
package io.nylassf.connect.sink.salesforce.record;
