/**
 * How the Salesforce sink turns Connect's {@code put()} calls, whatever their size, into full batches: records
 * linger in a buffer until a batch is full or the linger time has passed, several batches are written at once
 * (never two holding the same record key), and only offsets of records whose writes are final are committed.
 * Depends on the pipeline's {@code BatchWriter} seam and on Kafka Connect's sink API, nothing else.
 */
package io.nylassf.connect.sink.salesforce.accumulate;
