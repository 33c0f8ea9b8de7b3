/**
 * Running planned actions against Nylas: a keyed pool (one record's actions in order, different records
 * concurrently), per-grant throttling, retries, parked grants, the in-flight bookkeeping that bounds what preCommit
 * commits, and the de-duplication of sends. Depends on common's Nylas client, HTTP errors, idle-retiring pool and
 * loop guard, Jackson, Connect's sink API, and the Nylas sink's config, plan, grant and record packages; nothing in
 * the Salesforce sink.
 */
package io.nylassf.connect.sink.nylas.exec;
