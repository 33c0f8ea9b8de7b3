/**
 * Send status in Salesforce: what a send's outcome writes to its Task ({@link
 * io.nylassf.connect.sink.nylas.status.TaskStatusMapping}, pure) and the writer that gathers those updates and
 * writes them in batches beside the sends, never in their way ({@link
 * io.nylassf.connect.sink.nylas.status.SendStatusWriter}).
 */
package io.nylassf.connect.sink.nylas.status;
