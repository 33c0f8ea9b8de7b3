/**
 * The webhook endpoint: signature verification before anything is trusted, bounded intake, de-duplication of
 * redelivered notifications, read deadlines and acknowledgement only after the record is stored.
 */
package io.nylassf.connect.source.nylas.webhook;
