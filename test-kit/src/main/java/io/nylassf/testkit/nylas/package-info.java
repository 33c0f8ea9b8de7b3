/**
 * A stateful Nylas API v3 emulator: grants, messages, events, contacts, sends, webhooks with signatures and
 * retries, rate limits and grant expiry, as documented. {@code NylasEmulator} is the Java state API,
 * {@code NylasWiring} builds the {@code *Store}s and {@code *Routes} behind it. Depends only on the test kit's
 * {@code http} package, Jackson, the JDK HTTP server and JUnit (the extension).
 */
package io.nylassf.testkit.nylas;
