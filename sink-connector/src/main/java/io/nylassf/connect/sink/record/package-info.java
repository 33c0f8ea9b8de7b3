/**
 * What both sinks share for reading record values: uniform field access to a Struct or a schemaless map, and the
 * exception for a record that cannot be read. Depends on Connect's data API and common's time parsing only.
 */
package io.nylassf.connect.sink.record;
