/**
 * Which Nylas grant (mailbox) acts for a Salesforce record: the record owner's email, or the configured map, never
 * a grant id written in the record.
 */
package io.nylassf.connect.sink.nylas.grant;
