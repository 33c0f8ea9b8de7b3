/**
 * Windowed reads of messages and events, contact scans, and the scheduler that decides which grant's stream is read
 * next. Depends on common's Nylas client, HTTP errors and schemas, Jackson, Connect's source record, and the mapping
 * and offset packages; nothing of the webhook path.
 */
package io.nylassf.connect.source.nylas.read;
