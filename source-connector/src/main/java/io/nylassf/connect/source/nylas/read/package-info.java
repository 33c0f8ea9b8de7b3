/**
 * Windowed reads of messages and events, contact scans, and the scheduler that decides which grant's stream is
 * read next.
 */
package io.nylassf.connect.source.nylas.read;
