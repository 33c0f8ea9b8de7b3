/**
 * Decoding sink records (Structs or schemaless maps) from the Salesforce source into Salesforce changes, with a
 * clear reason for anything malformed; reads values through the shared {@code sink.record} package.
 */
package io.nylassf.connect.sink.nylas.record;
