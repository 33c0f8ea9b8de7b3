/**
 * A stateful Nylas API v3 emulator: grants, messages, events, contacts, sends, webhooks with signatures and
 * retries, rate limits and grant expiry, as documented.
 */
package io.nylassf.testkit.nylas;
