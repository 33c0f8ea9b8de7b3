/**
 * Running planned actions against Nylas: a keyed pool (one record's actions in order, different records
 * concurrently), per-grant throttling, retries, parked grants, the in-flight bookkeeping that bounds what
 * preCommit commits, and the de-duplication of sends.
 */
package io.nylassf.connect.sink.nylas.exec;
