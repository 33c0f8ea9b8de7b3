/**
 * Which Nylas grant (mailbox) acts for a Salesforce record: the record owner's email, or the configured map, never a
 * grant id written in the record. Depends on common's Nylas model (Grant) and the plan package alone.
 */
package io.nylassf.connect.sink.nylas.grant;
